import CVoikko

/// One morphological analysis of a word, the parts of Voikko's output the analyzer uses.
struct VoikkoAnalysis: Equatable {
    /// `BASEFORM`: the dictionary form, e.g. `puhelinlasku` for `puhelinlaskusta`.
    var baseForm: String
    /// `WORDBASES`: the morphemes with their base forms, e.g. `+puhelin(puhelin)+lasku(lasku)`.
    var wordBases: String
    /// `CLASS`: `nimisana`, `teonsana`, `etunimi`, `lyhenne`, ...
    var wordClass: String
    /// `MOOD` of a verb form, e.g. `MINEN-infinitive`; empty for other words.
    var mood: String = ""
    /// `PARTICIPLE` of a participle, e.g. `past_passive` for `tehty`; empty for other words.
    var participle: String = ""
}

/// Finnish morphology through libvoikko and its voikko-fi dictionary.
///
/// A Voikko handle must never be used by two threads at once (it corrupts the heap), so this class
/// owns one and is meant to live inside one analyzer.
final class VoikkoMorphology {
    private let handle: OpaquePointer

    /// Voikko refuses longer words anyway; skipping them early saves the call.
    static let maximumWordLength = 100

    init() throws(AnalyzerError) {
        var error: UnsafePointer<CChar>?
        guard let handle = voikkoInit(&error, "fi", nil) else {
            let detail = error.map { String(cString: $0) } ?? "no reason given"
            throw AnalyzerError(.voikkoDictionaryUnavailable, detail: detail)
        }
        self.handle = handle
    }

    deinit {
        voikkoTerminate(handle)
    }

    /// All analyses Voikko gives for `word` (folded, lower case), in Voikko's order; empty when
    /// Voikko does not know the word.
    func analyses(of word: String) -> [VoikkoAnalysis] {
        guard !word.isEmpty, word.utf8.count <= Self.maximumWordLength else { return [] }
        guard let list = voikkoAnalyzeWordCstr(handle, word) else { return [] }
        defer { voikko_free_mor_analysis(list) }
        var analyses: [VoikkoAnalysis] = []
        var index = 0
        while let analysis = list[index] {
            index += 1
            guard let baseForm = Self.value(of: "BASEFORM", in: analysis) else { continue }
            analyses.append(VoikkoAnalysis(
                baseForm: baseForm,
                wordBases: Self.value(of: "WORDBASES", in: analysis) ?? "",
                wordClass: Self.value(of: "CLASS", in: analysis) ?? "",
                mood: Self.value(of: "MOOD", in: analysis) ?? "",
                participle: Self.value(of: "PARTICIPLE", in: analysis) ?? ""))
        }
        return analyses
    }

    /// Whether Voikko accepts `word` as correctly spelt Finnish (cheaper than a full analysis).
    func accepts(_ word: String) -> Bool {
        guard !word.isEmpty, word.utf8.count <= Self.maximumWordLength else { return false }
        return voikkoSpellCstr(handle, word) == VOIKKO_SPELL_OK
    }

    /// Whether Voikko accepts `word`, typed in lower case, as a word or as a name: asked with a
    /// capital, as at the start of a sentence, which common words and names (spelt only with one:
    /// `Mäkelä`) both pass, in one spelling check.
    func acceptsAsWordOrName(_ word: String) -> Bool {
        accepts(word.prefix(1).uppercased() + word.dropFirst())
    }

    private static func value(of key: String, in analysis: OpaquePointer) -> String? {
        guard let value = voikko_mor_analysis_value_cstr(analysis, key) else { return nil }
        defer { voikko_free_mor_analysis_value_cstr(value) }
        return String(cString: value)
    }
}
