/// Voikko's `WORDBASES` attribute, read as the components of a compound word.
///
/// `WORDBASES` lists morphemes as `+surface(base)`. A base starting with `+` marks a derivational
/// suffix belonging to the morpheme before it:
///
/// - `+puhelin(puhelin)+lasku(lasku)`: two components, `puhelin` and `lasku`.
/// - `+yhteyden(yhteys)+otto(otto)`: `yhteys` (the genitive `yhteyden` as written) and `otto`.
/// - `+numeron(numero)+siir(siirtää)+to(+to)`: `numero` and the derived noun `siirto`, not the verb
///   `siirtää`: a component made of a root and derivational suffixes is named by its own form
///   (root as written + suffix bases), so `hyvityspyyntö` yields `hyvitys`, never `hyvittää`.
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
            let surface = String(rest[..<open])
            var base = rest[rest.index(after: open)..<close]
            let derivational = base.first == "+"
            if derivational {
                base = base.dropFirst()
            }
            morphemes.append(Morpheme(surface: surface, base: String(base), isDerivationalSuffix: derivational))
            rest = rest[rest.index(after: close)...]
        }
        self.morphemes = morphemes
    }

    /// The base forms of a compound's components, given the whole word's base form; empty when the
    /// word is not a compound.
    func componentBaseForms(wholeBaseForm: String) -> [String] {
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

        var parts: [String] = []
        var precedingSurface = ""
        for (position, group) in groups.enumerated() {
            let isLast = position == groups.count - 1
            if isLast, wholeBaseForm.count > precedingSurface.count,
               wholeBaseForm.lowercased().hasPrefix(precedingSurface.lowercased()) {
                // The last component's base form is the rest of the whole word's base form, which
                // gets inflection right even for derived components (`numeronsiirrosta` → `siirto`).
                parts.append(String(wholeBaseForm.dropFirst(precedingSurface.count)))
            } else if group.count == 1 {
                parts.append(group[0].base)
            } else {
                parts.append(group[0].surface + group.dropFirst().map(\.base).joined())
            }
            precedingSurface += group.map(\.surface).joined()
        }
        return parts
    }
}
