/// The terms a compound contributes besides its own base form, by the part they play in it.
///
/// A Finnish reader counts a compound as being about its head, its last part: `puhelinlasku` is a
/// `lasku`, `lähdekoodi` is not a `lähde` and `komentorivi` is not a `komento`. So the head's base
/// form is indexed as a base form, which every query for the word finds, and the single parts
/// before it as modifiers (``TermNamespace/modifier``), which only a prefix query reaches
/// (`lähde*`). A leading run that is a compound itself names a topic as specific as a head does
/// (`suoramarkkinointi` in `suoramarkkinointikielto`, `tietosuoja` in `tietosuojaseloste`,
/// `yhteydenotto` in `yhteydenottopyyntö`): it is indexed as a base form too.
///
/// - `puhelinlaskusta` (`puhelin|lasku`): head `lasku`; modifier `puhelin`
/// - `kuukausimaksu` (`kuu|kausi|maksu`): head `maksu`, leading compound `kuukausi`; modifiers
///   `kuu` and `kausi`
/// - `yhteydenottopyyntö` (`yhteyden|otto|pyyntö`): head `pyyntö`, leading compound
///   `yhteydenotto`; modifiers `yhteys` and `otto`
/// - `suoramarkkinointikiellon`: head `kielto`, leading compound `suoramarkkinointi`; modifiers
///   `suora` and `markkinointi`
///
/// A nested compound is the written form of its leading components plus the base form of its last
/// one. Only runs from the start are taken: three-part Finnish compounds are mostly built as
/// `[[A B] C]` (`[sähköposti]osoite`, `[kuukausi]maksu`), so their leading run is a word of its own,
/// while a run ending in the head often is a different word (`postiosoite`, `kausimaksu`) that
/// should not find `sähköpostiosoite` or `kuukausimaksu`. The head alone still finds the compound.
struct CompoundTerms {
    /// The base form of the last component; nil when the word is not a compound.
    private(set) var head: String?
    /// The leading runs of two or more components (the nested compounds), without duplicates and
    /// never the head.
    private(set) var leadingCompounds: [String] = []
    /// The other components' base forms, without duplicates, never the head or a leading compound.
    private(set) var modifiers: [String] = []

    /// - Parameters:
    ///   - components: the compound's components (``WordBases/components(wholeBaseForm:)``).
    ///   - baseFormOfWrittenPart: the base form of a derived component analysed on its own
    ///     (`markkinointi` → `markkinointi`, `palvelun` → `palvelu`), or nil to keep the guess
    ///     from `WORDBASES`.
    init(components: [CompoundComponent], baseFormOfWrittenPart: (String) -> String?) {
        guard components.count >= 2 else { return }
        let baseForms = components.map { component in
            component.needsAnalysis ? baseFormOfWrittenPart(component.written) ?? component.baseForm : component.baseForm
        }
        head = baseForms.last.flatMap { $0.isEmpty ? nil : $0 }
        if components.count >= 3 {
            var leadingWritten = components[0].written
            for end in 1..<(components.count - 1) {
                let run = leadingWritten + baseForms[end]
                if !run.isEmpty, run != head, !leadingCompounds.contains(run) {
                    leadingCompounds.append(run)
                }
                leadingWritten += components[end].written
            }
        }
        for baseForm in baseForms.dropLast()
        where !baseForm.isEmpty && baseForm != head && !leadingCompounds.contains(baseForm) && !modifiers.contains(baseForm) {
            modifiers.append(baseForm)
        }
    }
}
