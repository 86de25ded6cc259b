/// Derives the index terms of one folded word (document side) and the terms that should find it
/// (query side). Owns the Voikko handle and the stemmer, so it is not thread-safe.
final class TermDeriver {
    private let morphology: VoikkoMorphology
    private let stemmer: SnowballStemmer

    /// Distinct base forms kept per word (ambiguous words have several analyses).
    static let maximumBaseForms = 4
    /// Distinct compound heads, modifiers and nested compounds kept per word.
    static let maximumComponents = 8
    /// Dotted spellings Voikko accepts that a query word typed without ä/ö may stand for.
    static let maximumDottedReadings = 3

    init() throws(AnalyzerError) {
        morphology = try VoikkoMorphology()
        stemmer = try SnowballStemmer()
    }

    // MARK: Document side

    /// All terms for a word in a document: the surface form first, then the derived terms that
    /// share its position.
    ///
    /// `writtenWithCapitals` tells whether the word as written has capital letters; without them,
    /// a word with a common-word reading gets no proper-name readings (see ``ReadingSelection``).
    func documentTerms(folded: String, kind: WordKind, writtenWithCapitals: Bool) -> [String] {
        var terms = TermSet(folded)
        guard kind == .letters else { return terms.terms }
        let shape = WordShape(folded)

        if shape.isDotted {
            // `matti.virtanen@example.com`, `www.esimerkki.fi`: the pieces, so that `virtanen` or
            // `example.com` finds the address.
            for piece in folded.split(whereSeparator: { $0 == "." || $0 == "@" }) where piece.count >= 2 {
                terms.insert(String(piece))
            }
            if shape.hasAt, let at = folded.lastIndex(of: "@") {
                terms.insert(String(folded[folded.index(after: at)...]))
            }
            return terms.terms
        }

        let beforeColon = shape.hasColon ? folded.split(separator: ":").first.map(String.init) : nil
        if let beforeColon {
            terms.insert(beforeColon)  // `EU` finds `EU:n`, `SMS` finds `SMS:llä`
        }
        guard !shape.hasDigit else { return terms.terms }

        let analyses = analyses(of: folded, writtenWithCapitals: writtenWithCapitals)
        if !analyses.isEmpty {
            insertMorphology(of: analyses, into: &terms, withComponents: true)
        } else if let beforeColon {
            let prefixAnalyses = self.analyses(of: beforeColon, writtenWithCapitals: writtenWithCapitals)
            if !prefixAnalyses.isEmpty {
                insertMorphology(of: prefixAnalyses, into: &terms, withComponents: true)
            } else if SnowballStemmer.shouldStem(beforeColon) {
                terms.insert(TermNamespace.stem.term(stemmer.stem(beforeColon)))
            }
        } else if SnowballStemmer.shouldStem(folded) {
            terms.insert(TermNamespace.stem.term(stemmer.stem(folded)))
        }
        return terms.terms
    }

    // MARK: Query side

    /// The terms any of which should match a query word: its surface form, its base forms (all
    /// analyses) and, for a word typed without ä and ö, the base forms of its ä/ö spellings Voikko
    /// knows (``dottedReadings(of:)``); a word known in neither spelling looks for its stem.
    func queryTerms(folded: String, kind: WordKind, writtenWithCapitals: Bool) -> [String] {
        var terms = TermSet(folded)
        let shape = WordShape(folded)
        guard kind == .letters, shape.isMorphologicalWord else { return terms.terms }

        let analyses = analyses(of: folded, writtenWithCapitals: writtenWithCapitals)
        if analyses.isEmpty, shape.hasColon, let beforeColon = folded.split(separator: ":").first.map(String.init) {
            for term in queryTerms(folded: beforeColon, kind: kind, writtenWithCapitals: writtenWithCapitals) {
                terms.insert(term)
            }
            return terms.terms
        }
        insertMorphology(of: analyses, into: &terms, withComponents: false)

        var foundDottedReading = false
        for reading in dottedReadings(of: folded) {
            var readingAnalyses = self.analyses(of: reading, writtenWithCapitals: writtenWithCapitals)
            if !analyses.isEmpty {
                // `ala` is a word as typed; its reading `älä` (the negation verb `ei`) is no reason
                // to match every negative sentence.
                readingAnalyses.removeAll { !$0.carriesContent }
            }
            guard !readingAnalyses.isEmpty else { continue }
            foundDottedReading = true
            insertMorphology(of: readingAnalyses, into: &terms, withComponents: false)
        }
        if analyses.isEmpty, !foundDottedReading, SnowballStemmer.shouldStem(folded) {
            terms.insert(TermNamespace.stem.term(stemmer.stem(folded)))
            // A name Voikko does not know (`makela` for `Mäkelä`): its front-vowel spelling, the
            // only one vowel harmony allows once it has no `u`, as a document would index it.
            if let frontSpelling = AsciiFolding.frontVowelSpelling(of: folded) {
                terms.insert(frontSpelling)
                terms.insert(TermNamespace.stem.term(stemmer.stem(frontSpelling)))
            }
        }
        return terms.terms
    }

    /// The ä/ö spellings of a word typed without them that Voikko accepts as a word or a name, most
    /// dots first (none for a word that has ä, ö or å itself).
    ///
    /// Asked for known words too: a stem of only `e` and `i` takes front-vowel endings, so
    /// `virheilta` means `virheiltä` though Voikko reads it as the compound `virhe` + `ilta`, and
    /// `vaara`, `toista` or `nain` may well mean `väärä`, `töistä` or `näin`. Typed without dots, a
    /// word finds both readings.
    private func dottedReadings(of folded: String) -> some Sequence<String> {
        (AsciiFolding.hasDots(folded) ? [] : AsciiFolding.dottedVariants(of: folded))
            .lazy.filter { self.morphology.acceptsAsWordOrName($0) }
            .prefix(Self.maximumDottedReadings)
    }

    // MARK: Shared

    /// Base forms of all analyses (up to a limit) and, for documents, the base form of a compound's
    /// head and, in their own namespace, its modifiers (``CompoundTerms``). Derivational roots are
    /// deliberately not indexed: `hyvitys` is not `hyvittää`, and `laskutus` (Voikko: from
    /// `laskuttaa`) is not `lasku`.
    ///
    /// A document's base form that is already one of its surface terms (`lasku` for `lasku`, the
    /// commonest case) is not repeated as a base-form term, which keeps the index smaller; queries
    /// therefore look for each base form in both namespaces (`laskuja` → `\u{1}lasku`, `lasku`).
    private func insertMorphology(of analyses: [VoikkoAnalysis], into terms: inout TermSet, withComponents: Bool) {
        let isQuery = !withComponents
        var baseForms = 0
        for analysis in analyses where baseForms < Self.maximumBaseForms {
            let baseForm = Normalizer.fold(analysis.baseForm)
            if isQuery {
                if terms.insert(TermNamespace.baseForm.term(baseForm)) { baseForms += 1 }
                terms.insert(baseForm)
            } else if terms.contains(baseForm) {
                baseForms += 1
            } else if terms.insert(TermNamespace.baseForm.term(baseForm)) {
                baseForms += 1
            }
        }
        guard withComponents else { return }
        var components = 0
        for analysis in analyses.prefix(Self.maximumBaseForms) {
            let compound = CompoundTerms(
                components: WordBases(parsing: analysis.wordBases).components(wholeBaseForm: analysis.baseForm),
                baseFormOfWrittenPart: baseForm(ofComponent:))
            let parts = (compound.head.map { [(TermNamespace.baseForm, $0)] } ?? [])
                + compound.leadingCompounds.map { (TermNamespace.baseForm, $0) }
                + compound.modifiers.map { (TermNamespace.modifier, $0) }
            for (namespace, part) in parts where components < Self.maximumComponents && part.count >= 2 {
                if terms.insert(namespace.term(Normalizer.fold(part))) {
                    components += 1
                }
            }
        }
    }

    /// Voikko's analyses of a folded word, with `-minen` forms read as nouns (``ActionNoun``), MA
    /// infinitives that are also cases of a noun read as the noun only (``MaInfinitive``),
    /// proper-name readings of uncapitalised common words dropped (``ReadingSelection``) and, after
    /// them all, participles read as their verbs too (``Participle``).
    private func analyses(of folded: String, writtenWithCapitals: Bool) -> [VoikkoAnalysis] {
        let analyses = ReadingSelection.analyses(
            MaInfinitive.droppingNounHomographs(
                morphology.analyses(of: folded).map { $0.readingActionNounAsNoun(written: folded) }, written: folded),
            writtenWithCapitals: writtenWithCapitals)
        return analyses + Participle.verbReadings(of: analyses)
    }

    /// The base form of a derived compound component analysed on its own (`markkinointi` in
    /// `suoramarkkinointikielto`): the first reading that is a single common word.
    private func baseForm(ofComponent written: String) -> String? {
        morphology.analyses(of: written).first { analysis in
            !analysis.isProperName
                && WordBases(parsing: analysis.wordBases).components(wholeBaseForm: analysis.baseForm).isEmpty
        }?.baseForm
    }
}

/// A short ordered list of distinct terms (a handful per word, so a linear scan beats hashing).
struct TermSet {
    private(set) var terms: [String]

    init(_ first: String) {
        terms = [first]
    }

    func contains(_ term: String) -> Bool {
        terms.contains(term)
    }

    @discardableResult
    mutating func insert(_ term: String) -> Bool {
        guard !term.isEmpty, !terms.contains(term) else { return false }
        terms.append(term)
        return true
    }
}
