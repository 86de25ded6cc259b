import FinnishText
import GRDB

/// The FTS5 tokenizer `snowball`: ICU words, folded and reduced to their Snowball Finnish stem, one
/// term per word, in documents and queries alike (``SnowballAnalyzer``). A baseline for measuring
/// the `finnish` tokenizer, chosen with `arkisto import --tokenizer snowball`.
///
/// The index holds stems only, so an exact-form query word (`="laskusta"`) is stemmed like any
/// other, and a prefix (`lasku*`) is matched unstemmed against the stems.
final class SnowballTokenizer: FTS5CustomTokenizer {
    static let name = "snowball"

    private let analyzer: SnowballAnalyzer

    init(db: Database, arguments: [String]) throws {
        do {
            analyzer = try SnowballAnalyzer()
        } catch {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "tokenizer snowball: \(error)")
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
        var status = FTS5TokenOutput.ok
        analyzer.analyze(utf8: text) { term, range in
            guard status == FTS5TokenOutput.ok else { return }
            status = emit(term, range: range, context: context, callback: tokenCallback)
        }
        return status
    }

    /// Query text as the query layer quotes it: words, each possibly marked `=`, the last one a
    /// prefix when FTS5 says so.
    private func tokenizeQuery(
        _ text: UnsafeBufferPointer<UInt8>, isPrefix: Bool, context: UnsafeMutableRawPointer?,
        callback: FTS5TokenCallback
    ) -> CInt {
        let chunks = String(decoding: text, as: UTF8.self).split(whereSeparator: \.isWhitespace)
            .map { $0.hasPrefix("=") ? $0.dropFirst() : $0 }
        for (index, chunk) in chunks.enumerated() {
            let terms = isPrefix && index == chunks.count - 1
                ? analyzer.prefixTerm(forPrefix: String(chunk)).map { [$0] } ?? []
                : analyzer.terms(of: String(chunk))
            for term in terms {
                let status = emit(term, range: 0..<0, context: context, callback: callback)
                guard status == FTS5TokenOutput.ok else { return status }
            }
        }
        return FTS5TokenOutput.ok
    }

    private func emit(
        _ term: String, range: Range<Int>, context: UnsafeMutableRawPointer?, callback: FTS5TokenCallback
    ) -> CInt {
        var term = term
        return term.withUTF8 { bytes in
            FTS5TokenOutput.emit(bytes, colocated: false, range: range, context: context, callback: callback)
        }
    }
}
