import Foundation
import FinnishText

/// The tokens the `finnish` tokenizer makes of one document text, worked out ahead of the writer
/// (on an import worker) and encoded, so that the tokenizer replays them instead of analysing the
/// text again while the single writer holds the archive.
///
/// A stream is bound in place of the text in `INSERT INTO interaction_fts`. The index is
/// external-content over `interaction`, so it never stores the value it is given: it keeps only the
/// tokens, and snippets, highlights and deletions read the real text from `interaction`. A stream
/// therefore must hold exactly the tokens analysing its text gives, which it does by recording what
/// ``FinnishAnalyzer/analyzeDocument(utf8:emit:)`` emits (the analysis is deterministic); deleting
/// the row later through its text removes the very tokens the stream inserted.
///
/// The encoding (``TokenStreamFormat``) starts with a byte that never begins valid UTF-8, so no
/// text can be taken for a stream.
public struct TokenStream: Sendable, Hashable {
    /// The encoded tokens as an SQLite value: a BLOB, which FTS5 hands to the tokenizer as its
    /// bytes. Made with the stream, so the writer binds it without converting.
    let databaseValue: Data

    /// Records the tokens `analyzer` makes of `text` as a document.
    public init(analyzing text: String, using analyzer: FinnishAnalyzer) {
        var text = text
        var writer = TokenStreamFormat.Writer(textLength: text.utf8.count)
        text.withUTF8 { bytes in
            analyzer.analyzeDocument(utf8: bytes) { term, range, colocated in
                writer.append(term: term, range: range, colocated: colocated)
            }
        }
        databaseValue = Data(writer.finish())
    }

    /// Wraps bytes that are already encoded (as read back, or made by hand in tests); they are
    /// checked only when replayed.
    public init(encoded: [UInt8]) {
        databaseValue = Data(encoded)
    }

    /// The encoded tokens, starting with ``TokenStreamFormat/marker``.
    public var encoded: [UInt8] { [UInt8](databaseValue) }

    /// The byte length of the text the stream was made from; nil when the stream is damaged.
    public var textLength: Int? {
        try? withReader { reader throws(TokenStreamError) in reader.textLength }
    }

    /// The tokens, decoded: term, byte range in the text, and whether the term shares the previous
    /// one's position.
    public func tokens() throws(TokenStreamError) -> [(term: [UInt8], range: Range<Int>, colocated: Bool)] {
        try withReader { reader throws(TokenStreamError) in
            var tokens: [(term: [UInt8], range: Range<Int>, colocated: Bool)] = []
            while let token = try reader.next() {
                tokens.append((Array(token.term), token.range, token.colocated))
            }
            return tokens
        }
    }

    private func withReader<T>(
        _ body: (inout TokenStreamFormat.Reader) throws(TokenStreamError) -> T
    ) throws(TokenStreamError) -> T {
        let bytes = encoded
        return try bytes.withUnsafeBufferPointer { buffer throws(TokenStreamError) in
            var reader = try TokenStreamFormat.Reader(encoded: buffer)
            return try body(&reader)
        }
    }
}
