/// The Snowball-only baseline: the same ICU segmentation and folding as ``FinnishAnalyzer``, then
/// one term per word, its Snowball Finnish stem, for documents and queries alike. No Voikko, no
/// base forms, no compound parts, no ä/ö restoration: what a stock stemming search engine does,
/// kept so that the `finnish` tokenizer can be measured against it (`tools/eval-real`).
///
/// Words that are not letters (numbers, `EU:n`-like words with digits, dotted words) are kept as
/// folded, unstemmed. Owns an ICU break iterator and a stemmer: not `Sendable`, one per thread.
public final class SnowballAnalyzer {
    private let segmenter: Segmenter
    private let stemmer: SnowballStemmer

    public init() throws(AnalyzerError) {
        segmenter = try Segmenter(locale: "fi")
        stemmer = try SnowballStemmer()
    }

    /// Calls `emit` with each word's term and its byte range in `text`, in order.
    public func analyze(
        utf8 text: UnsafeBufferPointer<UInt8>, emit: (_ term: String, _ byteRange: Range<Int>) -> Void
    ) {
        segmenter.forEachWord(in: text) { range, kind in
            emit(term(of: UnsafeBufferPointer(rebasing: text[range]), kind: kind), range)
        }
    }

    /// The terms of `text`, in order (for a query's words, and for tests).
    public func terms(of text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var terms: [String] = []
            analyze(utf8: bytes) { term, _ in terms.append(term) }
            return terms
        }
    }

    /// The folded prefix for a prefix query (`lasku*`): prefixes are matched unstemmed, since the
    /// stem of a word's beginning is not the beginning of its stem.
    public func prefixTerm(forPrefix prefix: String) -> String? {
        var prefix = prefix
        return prefix.withUTF8 { bytes in
            var first: String?
            segmenter.forEachWord(in: bytes) { range, _ in
                if first == nil { first = Normalizer.fold(UnsafeBufferPointer(rebasing: bytes[range])) }
            }
            return first
        }
    }

    private func term(of word: UnsafeBufferPointer<UInt8>, kind: WordKind) -> String {
        let folded = Normalizer.fold(word)
        let shape = WordShape(folded)
        guard kind == .letters, shape.isMorphologicalWord, !shape.hasColon else { return folded }
        return stemmer.stem(folded)
    }
}

@available(*, unavailable, message: "A SnowballAnalyzer owns ICU and Snowball handles that are not thread-safe: create one per thread.")
extension SnowballAnalyzer: Sendable {}
