/// Restores ä and ö in a word typed without them (`hyvitysta` → `hyvitystä`, `hairio` → `häiriö`).
///
/// Used on the query side only, so the index is not doubled: the candidates are every way of
/// turning some `a` into `ä` and some `o` into `ö`, and the analyzer keeps those Voikko accepts.
enum AsciiFolding {
    /// At most this many `a`/`o` positions are varied (2^8 = 256 candidates); later ones stay.
    static let maximumVariedPositions = 8

    /// Whether a folded word was typed with ä, ö or å: then it means what it says and is not varied.
    static func hasDots(_ word: String) -> Bool {
        word.unicodeScalars.contains { $0 == "ä" || $0 == "ö" || $0 == "å" }
    }

    /// The candidate spellings with at least one `a` → `ä` or `o` → `ö`, most replacements first
    /// (a fully dotted word is the likeliest intent), without the word itself.
    static func dottedVariants(of word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        let positions = scalars.indices.filter { scalars[$0] == "a" || scalars[$0] == "o" }
            .prefix(maximumVariedPositions)
        guard !positions.isEmpty else { return [] }
        let combinations = 1 << positions.count
        var variants: [(mask: Int, text: String)] = []
        variants.reserveCapacity(combinations - 1)
        for mask in 1..<combinations {
            var variant = scalars
            for (bit, position) in positions.enumerated() where mask & (1 << bit) != 0 {
                variant[position] = variant[position] == "a" ? "ä" : "ö"
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: variant)
            variants.append((mask, String(text)))
        }
        return variants.sorted { first, second in
            let (firstCount, secondCount) = (first.mask.nonzeroBitCount, second.mask.nonzeroBitCount)
            return firstCount != secondCount ? firstCount > secondCount : first.mask < second.mask
        }.map(\.text)
    }

    /// The word with every `a` → `ä` and `o` → `ö`, when vowel harmony allows it: the word has an
    /// `a` or `o` and no `u` (a back vowel that cannot stand beside ä or ö in one word).
    static func frontVowelSpelling(of word: String) -> String? {
        let scalars = word.unicodeScalars
        guard scalars.contains(where: { $0 == "a" || $0 == "o" }), !scalars.contains("u") else { return nil }
        return String(String.UnicodeScalarView(scalars.map { $0 == "a" ? "ä" : $0 == "o" ? "ö" : $0 }))
    }
}
