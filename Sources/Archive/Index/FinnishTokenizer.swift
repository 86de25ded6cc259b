import FinnishText
import GRDB

/// The FTS5 tokenizer `finnish`: every word's surface form with its base forms, compound parts and
/// stem colocated at its position (documents), and a query word's alternatives colocated so that
/// any of them matches (queries).
///
/// A document value may also be a ``TokenStream``: the same tokens, analysed beforehand by an import
/// worker, which the tokenizer replays instead of analysing (see ``TokenStream``).
///
/// In a query, a word written directly after `=` (`"=laskusta"`, as the query layer writes
/// `="laskusta"`) stands for that written form only. SQLite creates one tokenizer per FTS table
/// and connection, and a connection is used by one thread at a time, so each tokenizer owns its
/// analyzer (ICU, Voikko and Snowball handles are not thread-safe).
final class FinnishTokenizer: FTS5CustomTokenizer {
    static let name = "finnish"

    private let analyzer: FinnishAnalyzer

    init(db: Database, arguments: [String]) throws {
        do {
            analyzer = try FinnishAnalyzer()
        } catch {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "tokenizer finnish: \(error)")
        }
    }

    func tokenize(
        context: UnsafeMutableRawPointer?,
        tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?,
        nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let text = FTS5TokenOutput.text(pText, count: nText) else { return FTS5TokenOutput.ok }
        if tokenization.contains(.query) {
            return tokenizeQuery(text, isPrefix: tokenization.contains(.prefix), context: context, callback: tokenCallback)
        }
        if TokenStreamFormat.isStream(text) {
            return replay(text, context: context, callback: tokenCallback)
        }
        var status = FTS5TokenOutput.ok
        analyzer.analyzeDocument(utf8: text) { term, range, colocated in
            guard status == FTS5TokenOutput.ok else { return }
            status = FTS5TokenOutput.emit(term, colocated: colocated, range: range, context: context, callback: tokenCallback)
        }
        return status
    }

    /// A document value that is a ``TokenStream`` (bound as a BLOB, which FTS5 hands over as its
    /// bytes): its tokens were analysed on an import worker and are emitted as they are. A stream
    /// that cannot be decoded fails the statement; the tokens it emitted before go with it.
    private func replay(
        _ encoded: UnsafeBufferPointer<UInt8>, context: UnsafeMutableRawPointer?, callback: FTS5TokenCallback
    ) -> CInt {
        do throws(TokenStreamError) {
            var reader = try TokenStreamFormat.Reader(encoded: encoded)
            while let token = try reader.next() {
                let status = FTS5TokenOutput.emit(
                    token.term, colocated: token.colocated, range: token.range, context: context, callback: callback)
                guard status == FTS5TokenOutput.ok else { return status }
            }
            return FTS5TokenOutput.ok
        } catch {
            return FTS5TokenOutput.error
        }
    }

    /// Query text is what the query layer quoted: words separated by spaces, each possibly marked
    /// `=` for its exact form, the last one a prefix when FTS5 says so.
    private func tokenizeQuery(
        _ text: UnsafeBufferPointer<UInt8>, isPrefix: Bool, context: UnsafeMutableRawPointer?,
        callback: FTS5TokenCallback
    ) -> CInt {
        let query = String(decoding: text, as: UTF8.self)
        let chunks = query.split(whereSeparator: \.isWhitespace)
        var words: [(word: String, exact: Bool)] = []
        for chunk in chunks {
            let exact = chunk.hasPrefix("=")
            for word in analyzer.words(in: String(exact ? chunk.dropFirst() : chunk)) {
                words.append((word, exact))
            }
        }
        for (index, entry) in words.enumerated() {
            let terms: [String]
            if isPrefix && index == words.count - 1 {
                terms = analyzer.prefixTerms(forPrefix: entry.word)
            } else if entry.exact {
                terms = analyzer.exactTerm(forWord: entry.word).map { [$0] } ?? []
            } else {
                terms = analyzer.queryTerms(forWord: entry.word)
            }
            for (position, term) in terms.enumerated() {
                var term = term
                let status = term.withUTF8 { bytes in
                    FTS5TokenOutput.emit(bytes, colocated: position > 0, range: 0..<0, context: context, callback: callback)
                }
                guard status == FTS5TokenOutput.ok else { return status }
            }
        }
        return FTS5TokenOutput.ok
    }
}
