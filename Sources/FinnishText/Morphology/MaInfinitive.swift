/// The MA infinitive (`näkymässä`, `liittymään`: "being seen", "to join") is written like the cases
/// of the noun in `-ma`/`-mä` made from the same verb, and where that noun is a word of its own
/// (`näkymä`, a view; `liittymä`, a subscription) Voikko gives both readings.
///
/// Search then reads the word as the noun only, as it reads `-minen` forms (``ActionNoun``): the
/// noun is what documentation and customer mail mean far more often, and the verb reading made
/// `näkymässä` find every `näkyy` and `näkyvät`. A MA infinitive with no such noun (`tekemässä`)
/// stays a form of its verb.
enum MaInfinitive {
    static let mood = "MA-infinitive"

    /// `analyses` without the MA-infinitive readings of a word that also reads as a case of a
    /// plain noun in `-ma`/`-mä` (its base form begins the folded word as written).
    static func droppingNounHomographs(_ analyses: [VoikkoAnalysis], written: String) -> [VoikkoAnalysis] {
        let isNounCase = analyses.contains { analysis in
            analysis.participle.isEmpty && analysis.wordClass == "nimisana"
                && (analysis.baseForm.hasSuffix("ma") || analysis.baseForm.hasSuffix("mä"))
                && written.hasPrefix(analysis.baseForm)
        }
        guard isNounCase else { return analyses }
        return analyses.filter { $0.mood != mood }
    }
}
