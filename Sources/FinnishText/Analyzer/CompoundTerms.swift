/// The terms a compound contributes besides its own base form, by the part they play in it.
///
/// A Finnish reader counts a compound as being about its head, its last part: `puhelinlasku` is a
/// `lasku`, `lähdekoodi` is not a `lähde` and `komentorivi` is not a `komento`. So the head's base
/// form is indexed as a base form, which every query for the word finds, and the other parts as
/// modifiers (``TermNamespace/modifier``), which only a prefix query reaches (`lähde*`).
///
/// - `puhelinlaskusta` (`puhelin|lasku`): head `lasku`; modifier `puhelin`
/// - `kuukausimaksu` (`kuu|kausi|maksu`): head `maksu`; modifiers `kuu`, `kausi` and `kuukausi`
/// - `yhteydenottopyyntö` (`yhteyden|otto|pyyntö`): head `pyyntö`; modifiers `yhteys`, `otto` and
///   `yhteydenotto`
/// - `suoramarkkinointikiellon`: head `kielto`; modifiers `suora`, `markkinointi` and
///   `suoramarkkinointi`
///
/// A nested compound is the written form of its leading components plus the base form of its last
/// one. Only runs from the start are taken: three-part Finnish compounds are mostly built as
/// `[[A B] C]` (`[sähköposti]osoite`, `[kuukausi]maksu`), so their leading run is a word of its own,
/// while a run ending in the head often is a different word (`postiosoite`, `kausimaksu`) that
/// should not find `sähköpostiosoite` or `kuukausimaksu`. The head alone still finds the compound.
struct CompoundTerms {
    /// The base form of the last component; nil when the word is not a compound.
    private(set) var head: String?
    /// The other components' base forms, then the nested compounds; without duplicates, in that
    /// order, and never the head.
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
        for baseForm in baseForms.dropLast() {
            insertModifier(baseForm)
        }
        guard components.count >= 3 else { return }
        var leadingWritten = components[0].written
        for end in 1..<(components.count - 1) {
            insertModifier(leadingWritten + baseForms[end])
            leadingWritten += components[end].written
        }
    }

    private mutating func insertModifier(_ term: String) {
        guard !term.isEmpty, term != head, !modifiers.contains(term) else { return }
        modifiers.append(term)
    }
}
