/// Participles (`tehty`, `tekevä`, `tekemä`, `tallennettava`), which Voikko analyses as adjectives
/// or nouns of their own (base form `tehty`) and names their verb only in `WORDBASES`
/// (`+teh(tehdä)+ty(+ty)`).
///
/// Search reads a participle as a form of its verb as well, so that `teki` finds `tehty` and
/// `tallennettu` finds `tallennetaan`, and the participle's own base form still finds its other
/// cases (`tehdyt` finds `tehtyä`). Not the `-mätön` participle (`tekemätön`, "undone"): it says
/// the opposite of its verb, as an adjective of its own. Nor a participle that is also a word of its
/// own, which Voikko gives a second, plain reading with the same base form: `liittymä` (a
/// subscription) is not `liittyä` (to join), `näkymä` (a view) not `näkyä`, `tehtävä` (a task) not
/// `tehdä`.
enum Participle {
    /// The participle kinds read as forms of their verb.
    static let verbForms: Set<String> = ["present_active", "present_passive", "past_active", "past_passive", "agent"]

    /// The verb readings to add to a word's analyses, one per participle reading that is not also a
    /// word of its own.
    static func verbReadings(of analyses: [VoikkoAnalysis]) -> [VoikkoAnalysis] {
        let words = Set(analyses.filter { $0.participle.isEmpty }.map(\.baseForm))
        return analyses.filter { !words.contains($0.baseForm) }.compactMap { $0.participleAsVerb() }
    }
}

extension VoikkoAnalysis {
    /// The reading of a participle as its verb (base form the verb's, no compound parts), or nil
    /// for any other word or when `WORDBASES` names no verb.
    func participleAsVerb() -> VoikkoAnalysis? {
        guard Participle.verbForms.contains(participle) else { return nil }
        // The verb is the last root (a compound participle's head: `käsinkirjoitettu` → `kirjoittaa`).
        guard let verb = WordBases(parsing: wordBases).morphemes.last(where: { !$0.isDerivationalSuffix && !$0.base.isEmpty })?.base,
              verb != baseForm else { return nil }
        return VoikkoAnalysis(baseForm: verb, wordBases: "", wordClass: "teonsana")
    }
}
