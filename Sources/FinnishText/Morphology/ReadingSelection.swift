/// Chooses which of Voikko's analyses of a word count.
///
/// Voikko analyses folded (lower-case) text, so it offers proper-name readings for common words:
/// `päivien` is also the first names Päivi and Päivä, `kari` also the name Kari. A word written
/// without capitals is taken as a common word when it has a common-word reading at all, so that
/// `päivien` does not find every mail signed by Päivi. Names written in lower case (`virtanen`)
/// have no other reading and keep theirs; capitalised words (also sentence-initial ones) keep all.
enum ReadingSelection {
    static func analyses(_ analyses: [VoikkoAnalysis], writtenWithCapitals: Bool) -> [VoikkoAnalysis] {
        guard !writtenWithCapitals, analyses.contains(where: { $0.isProperName }) else { return analyses }
        let common = analyses.filter { !$0.isProperName }
        return common.isEmpty ? analyses : common
    }
}

extension VoikkoAnalysis {
    /// Voikko's name classes: first names, surnames, place names and other names.
    var isProperName: Bool {
        switch wordClass {
        case "etunimi", "sukunimi", "paikannimi", "nimi": true
        default: false
        }
    }

    /// Whether the word means something on its own: not the negation verb (`ei`, `älä`), a
    /// conjunction or an interjection.
    var carriesContent: Bool {
        switch wordClass {
        case "kieltosana", "sidesana", "huudahdussana": false
        default: true
        }
    }
}
