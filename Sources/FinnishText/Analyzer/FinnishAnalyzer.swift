/// Finnish text analysis for full-text search: segmentation, folding, base forms, compound parts
/// and stems, the same way for documents and queries.
///
/// Every word is indexed as its folded surface form plus, at the same position, derived terms in
/// their own namespaces (see ``TermNamespace``):
///
/// - `puhelinlaskusta` → `puhelinlaskusta`, base forms `puhelinlasku`, `lasku` (its head), modifier
///   `puhelin`
/// - `EU:n` → `eu:n`, `eu` (Voikko's base form `EU` is the surface part already)
/// - `Zyxelin` (unknown to Voikko) → `zyxelin`, stem `zyxel`
///
/// A query word becomes its surface form and base forms (``queryTerms(forWord:)``), so any
/// inflection finds any other and a word finds the compounds it is the head of.
///
/// The analyzer owns an ICU break iterator, a Voikko handle and a Snowball stemmer, none of which
/// may be used by two threads at once, so it is deliberately not `Sendable`: create one per thread
/// or per database connection. Analyses are cached per word as written (bounded, clock eviction).
public final class FinnishAnalyzer {
    private let segmenter: Segmenter
    private let deriver: TermDeriver
    private var cache: AnalysisCache<PackedTerms>
    /// Query words' terms. FTS5 tokenizes a query each time it parses it (for the count, the page
    /// and each row's snippet), and a word Voikko does not know costs up to 255 spelling checks of
    /// its ä/ö readings.
    private var queryCache = AnalysisCache<[String]>(capacity: 4_096)
    /// Set while `segmenter` walks a text, so a re-entrant call gets its own iterator.
    private var isSegmenting = false

    /// Creates an analyzer.
    ///
    /// - Parameter cacheCapacity: how many distinct words (as written) keep their analysis.
    /// - Throws: ``AnalyzerError`` when Voikko's Finnish dictionary, ICU's word breaker or the
    ///   Finnish stemmer is missing.
    public init(cacheCapacity: Int = 65_536) throws(AnalyzerError) {
        segmenter = try Segmenter(locale: "fi")
        deriver = try TermDeriver()
        cache = AnalysisCache(capacity: cacheCapacity)
    }

    // MARK: Documents

    /// Analyses document text given as UTF-8 bytes (the form an FTS5 tokenizer receives).
    ///
    /// Calls `emit` for each term in order. `colocated` is true when the term shares the position
    /// of the previous one (FTS5_TOKEN_COLOCATED). `byteRange` is the word's range in `text`, the
    /// same for all terms of one word. The term bytes are only valid during the call.
    public func analyzeDocument(
        utf8 text: UnsafeBufferPointer<UInt8>,
        emit: (_ term: UnsafeBufferPointer<UInt8>, _ byteRange: Range<Int>, _ colocated: Bool) -> Void
    ) {
        forEachAnalyzedWord(in: text) { range, terms in
            terms.forEach { term, isFirst in emit(term, range, !isFirst) }
        }
    }

    /// Analyses document text; see ``analyzeDocument(utf8:emit:)``. Byte ranges are offsets into
    /// `text.utf8`.
    public func analyzeDocument(
        _ text: String,
        emit: (_ term: String, _ byteRange: Range<Int>, _ colocated: Bool) -> Void
    ) {
        var text = text
        text.withUTF8 { bytes in
            forEachAnalyzedWord(in: bytes) { range, terms in
                terms.forEach { term, isFirst in
                    emit(String(decoding: term, as: UTF8.self), range, !isFirst)
                }
            }
        }
    }

    /// All terms of each word, from the cache when possible.
    private func forEachAnalyzedWord(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, PackedTerms) -> Void) {
        forEachWord(in: text) { range, kind in
            let word = UnsafeBufferPointer(rebasing: text[range])
            let key = WordKey(word)
            if let terms = cache.value(for: key) {
                body(range, terms)
                return
            }
            let terms = PackedTerms(deriver.documentTerms(
                folded: Normalizer.fold(word), kind: kind, writtenWithCapitals: LetterCase.containsUppercase(word)))
            cache.insert(terms, for: key)
            body(range, terms)
        }
    }

    // MARK: Queries

    /// The terms for one query word, any of which should match: the folded surface form, the base
    /// forms of all analyses and, when Voikko does not know the word, either the base forms of its
    /// spellings with ä/ö restored (`hyvitysta` → `hyvitys`, `hairio` → `häiriö`) or its stem.
    /// A word typed without capitals looks for a name only when it cannot be a common word
    /// (`päivien` → `päivä`, not the first name Päivi; `virtasen` → `Virtanen`).
    ///
    /// `word` should be one word from ``words(in:)``; of anything longer, the first word counts.
    /// Compound components are not added: `puhelinlasku` looks for `puhelinlasku`, not every `lasku`.
    public func queryTerms(forWord word: String) -> [String] {
        var word = word
        let key = word.withUTF8 { WordKey($0) }
        if let terms = queryCache.value(for: key) { return terms }
        guard let first = firstFoldedWord(in: word) else { return [] }
        let terms = deriver.queryTerms(folded: first.folded, kind: first.kind, writtenWithCapitals: first.hasCapitals)
        queryCache.insert(terms, for: key)
        return terms
    }

    /// The single term for an exact-form query (`="laskusta"`): the folded surface form only.
    public func exactTerm(forWord word: String) -> String? {
        firstFoldedWord(in: word)?.folded
    }

    /// The FTS5 prefix strings (without `*`) for a prefix query (`lasku*`): the folded prefix in
    /// the surface, base-form and modifier namespaces, so `lasku*` finds `laskusta`, `laskutus`,
    /// `puhelinlaskusta` (through its head `lasku`) and `laskuvirhe`, and `yhteys*` finds
    /// `yhteydenotto` (through its modifier `yhteys`): the way to ask for every compound a word
    /// is part of. A prefix typed without ä and ö also looks for its front-vowel spelling
    /// (`hairio*` for `häiriö*`).
    public func prefixTerms(forPrefix prefix: String) -> [String] {
        let folded = Normalizer.fold(String(prefix.trimmingWhitespace()))
        guard !folded.isEmpty else { return [] }
        var spellings = [folded]
        if !AsciiFolding.hasDots(folded), let front = AsciiFolding.frontVowelSpelling(of: folded) {
            spellings.append(front)
        }
        let namespaces: [TermNamespace] = [.surface, .baseForm, .modifier]
        return spellings.flatMap { spelling in namespaces.map { $0.term(spelling) } }
    }

    /// The words of a phrase or free text, as written, with the segmentation used for documents.
    public func words(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var words: [String] = []
            forEachWord(in: bytes) { range, _ in
                words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            }
            return words
        }
    }

    // MARK: Support

    /// How many words currently have a cached analysis (at most the capacity).
    var cachedWordCount: Int { cache.count }

    private func firstFoldedWord(in text: String) -> (folded: String, kind: WordKind, hasCapitals: Bool)? {
        var text = text
        return text.withUTF8 { bytes in
            var first: (String, WordKind, Bool)?
            forEachWord(in: bytes) { range, kind in
                if first == nil {
                    let word = UnsafeBufferPointer(rebasing: bytes[range])
                    first = (Normalizer.fold(word), kind, LetterCase.containsUppercase(word))
                }
            }
            return first
        }
    }

    private func forEachWord(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, WordKind) -> Void) {
        guard !isSegmenting else {
            // Called again from inside `emit`: the shared iterator is busy, use a fresh one.
            (try? Segmenter(locale: "fi"))?.forEachWord(in: text, body)
            return
        }
        isSegmenting = true
        defer { isSegmenting = false }
        segmenter.forEachWord(in: text, body)
    }
}

@available(*, unavailable, message: "A FinnishAnalyzer owns ICU, Voikko and Snowball handles that are not thread-safe: create one per thread.")
extension FinnishAnalyzer: Sendable {}

extension String {
    fileprivate func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isSpace($0) }),
              let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[start...end]
    }
}
