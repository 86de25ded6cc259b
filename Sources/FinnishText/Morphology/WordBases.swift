/// Voikko's `WORDBASES` attribute, read as the components of a compound word.
///
/// `WORDBASES` lists morphemes as `+surface(base)`. A base starting with `+` marks a derivational
/// suffix belonging to the morpheme before it:
///
/// - `+puhelin(puhelin)+lasku(lasku)`: two components, `puhelin` and `lasku`.
/// - `+yhteyden(yhteys)+otto(otto)`: `yhteys` (written `yhteyden`) and `otto`.
/// - `+numeron(numero)+siir(siirtää)+to(+to)`: `numero` and the derived noun `siirto`, not the verb
///   `siirtää`: a component made of a root and derivational suffixes is a word of its own, so
///   `hyvityspyyntö` yields `hyvitys`, never `hyvittää`.
/// - `+laajakaista(laaja=kaista)+liittymä(liittymä)`: a `=` inside a base marks a compound that
///   Voikko's dictionary has as one entry (a lexicalised compound); it stays one component,
///   `laajakaista`, and is not split further.
/// - `+markkinoi(markkinoida)+n+ti(+ti)`: a fragment without a base joins the next morpheme (`nti`).
/// - `+hyvit(hyvittää)+ys(+ys)`: one component, so no parts (the base form covers the word).
struct WordBases: Equatable {
    struct Morpheme: Equatable {
        var surface: String
        var base: String
        var isDerivationalSuffix: Bool
    }

    let morphemes: [Morpheme]

    init(parsing text: String) {
        var morphemes: [Morpheme] = []
        var rest = Substring(text)
        while let plus = rest.firstIndex(of: "+") {
            rest = rest[rest.index(after: plus)...]
            guard let open = rest.firstIndex(of: "("),
                  let close = rest[open...].firstIndex(of: ")") else { break }
            // A fragment without a base (`+n` in `+markkinoi(markkinoida)+n+ti(+ti)`) belongs to
            // the morpheme after it: `nti`.
            let surface = rest[..<open].filter { $0 != "+" }
            var base = rest[rest.index(after: open)..<close]
            let derivational = base.first == "+"
            if derivational {
                base = base.dropFirst()
            }
            morphemes.append(Morpheme(
                surface: surface,
                base: base.filter { $0 != "=" },
                isDerivationalSuffix: derivational))
            rest = rest[rest.index(after: close)...]
        }
        self.morphemes = morphemes
    }

    /// The components of a compound, given the whole word's base form; empty when the word is not
    /// a compound (fewer than two components).
    func components(wholeBaseForm: String) -> [CompoundComponent] {
        // Group each root with the derivational suffixes that follow it.
        var groups: [[Morpheme]] = []
        for morpheme in morphemes {
            if morpheme.isDerivationalSuffix, !groups.isEmpty {
                groups[groups.count - 1].append(morpheme)
            } else {
                groups.append([morpheme])
            }
        }
        guard groups.count >= 2 else { return [] }

        var components: [CompoundComponent] = []
        var precedingSurface = ""
        for (position, group) in groups.enumerated() {
            let written = group.map(\.surface).joined()
            let isLast = position == groups.count - 1
            let isDerived = group.count > 1
            if isLast, wholeBaseForm.count > precedingSurface.count,
               wholeBaseForm.lowercased().hasPrefix(precedingSurface.lowercased()) {
                // The last component's base form is the rest of the whole word's base form, which
                // gets inflection right even for derived components (`numeronsiirrosta` → `siirto`).
                components.append(CompoundComponent(
                    written: written, baseForm: String(wholeBaseForm.dropFirst(precedingSurface.count)),
                    needsAnalysis: false))
            } else if !isDerived {
                components.append(CompoundComponent(written: written, baseForm: group[0].base, needsAnalysis: false))
            } else {
                // Root as written + suffix bases: right for `palvel|u` → `palvelu`, but not for
                // every suffix (`markkinoi|nti` has the base `+ti`), hence `needsAnalysis`.
                components.append(CompoundComponent(
                    written: written, baseForm: group[0].surface + group.dropFirst().map(\.base).joined(),
                    needsAnalysis: true))
            }
            precedingSurface += written
        }
        return components
    }

    /// The base forms of a compound's components, without analysing derived components again.
    func componentBaseForms(wholeBaseForm: String) -> [String] {
        components(wholeBaseForm: wholeBaseForm).map(\.baseForm)
    }
}

/// One component of a compound word.
struct CompoundComponent: Equatable {
    /// The component as written inside the compound (`yhteyden` in `yhteydenotto`).
    var written: String
    /// Its base form as far as `WORDBASES` tells (`yhteys`).
    var baseForm: String
    /// Whether `baseForm` is only a guess: a non-final component built of a root and derivational
    /// suffixes, whose written form should be analysed on its own (`markkinointi` in
    /// `suoramarkkinointikielto`, where `WORDBASES` gives `+markkinoi(markkinoida)+nti(+ti)`).
    var needsAnalysis: Bool
}
