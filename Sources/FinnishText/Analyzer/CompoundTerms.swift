/// The base-form terms a compound contributes besides its own base form: each component's base
/// form and, for compounds of three or more components, the compounds nested at their start.
///
/// - `puhelinlaskusta` (`puhelin|lasku`): `puhelin`, `lasku`
/// - `kuukausimaksu` (`kuu|kausi|maksu`): `kuu`, `kausi`, `maksu` and `kuukausi`, so that
///   `kuukaudelle` finds it
/// - `yhteydenottopyyntö` (`yhteyden|otto|pyyntö`): also `yhteydenotto`
/// - `suoramarkkinointikiellon`: `suora`, `markkinointi`, `kielto` and `suoramarkkinointi`
///
/// A nested compound is the written form of its leading components plus the base form of its last
/// one. Only runs from the start are taken: three-part Finnish compounds are mostly built as
/// `[[A B] C]` (`[sähköposti]osoite`, `[kuukausi]maksu`), so their leading run is a word of its own,
/// while a run ending in the head often is a different word (`postiosoite`, `kausimaksu`) that
/// should not find `sähköpostiosoite` or `kuukausimaksu`. The head alone still finds the compound.
struct CompoundTerms {
    /// Component base forms first, then nested compounds; without duplicates, in that order.
    private(set) var terms: [String] = []

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
        for baseForm in baseForms {
            insert(baseForm)
        }
        guard components.count >= 3 else { return }
        var leadingWritten = components[0].written
        for end in 1..<(components.count - 1) {
            insert(leadingWritten + baseForms[end])
            leadingWritten += components[end].written
        }
    }

    private mutating func insert(_ term: String) {
        guard !term.isEmpty, !terms.contains(term) else { return }
        terms.append(term)
    }
}
