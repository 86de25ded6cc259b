/// Finds people's and companies' names in free text: the whole name, word by word, ignoring case,
/// the last word in any inflection (`Matti Koskinen` also as `Matti Koskisen`, `Anna Mäkelälle`).
public struct NameMatcher: Sendable {
    /// Names by their first word (lower case); each name as its words, lower case.
    private let byFirstWord: [String: [[String]]]

    public init(names: some Sequence<String>) {
        var index: [String: [[String]]] = [:]
        for name in names {
            let words = Self.words(in: name).map { String(name[$0]).lowercased() }
            guard words.count >= 2, let first = words.first else { continue }
            if !(index[first]?.contains(words) ?? false) { index[first, default: []].append(words) }
        }
        byFirstWord = index.mapValues { $0.sorted { $0.count > $1.count } }
    }

    public var isEmpty: Bool { byFirstWord.isEmpty }

    /// Where names are written in `text`, in order, not overlapping.
    public func matches(in text: String) -> [Range<String.Index>] {
        guard !byFirstWord.isEmpty else { return [] }
        let words = Self.words(in: text)
        let lower = words.map { text[$0].lowercased() }
        var found: [Range<String.Index>] = []
        var index = 0
        while index < words.count {
            var matched = 0
            for name in byFirstWord[lower[index]] ?? [] where index + name.count <= words.count {
                let fits = name.indices.allSatisfy { k in
                    k == name.count - 1 ? Self.inflects(name[k], as: lower[index + k]) : name[k] == lower[index + k]
                } && Self.adjacent(words[index..<(index + name.count)], in: text)
                if fits {
                    matched = name.count
                    break
                }
            }
            if matched > 0 {
                found.append(words[index].lowerBound..<words[index + matched - 1].upperBound)
                index += matched
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether `word` is `base` or an inflected form of it: the same stem (a `-nen` name's stem
    /// ends in `-s`, other stems drop the last letter) and an ending of at most six letters.
    static func inflects(_ base: String, as word: String) -> Bool {
        if base == word { return true }
        let stem: Substring
        if base.hasSuffix("nen"), base.count >= 5 {
            stem = base.dropLast(3)
            return word.hasPrefix(stem + "s") && word.count <= stem.count + 7
        } else if base.count >= 5 {
            stem = base.dropLast()
        } else {
            stem = Substring(base)
        }
        return word.hasPrefix(stem) && word.count <= stem.count + 6
    }

    /// Words of one name are separated by spaces (or a hyphen inside a double name) only.
    private static func adjacent(_ words: ArraySlice<Range<String.Index>>, in text: String) -> Bool {
        zip(words, words.dropFirst()).allSatisfy { previous, next in
            text[previous.upperBound..<next.lowerBound].allSatisfy { $0 == " " || $0 == "\u{A0}" || $0 == "-" }
        }
    }

    /// Runs of letters (with `'` or `:` inside, as in `Oy:n`, kept apart at the colon).
    static func words(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || (character == "'" && start != nil) {
                if start == nil { start = index }
            } else if let begun = start {
                ranges.append(begun..<index)
                start = nil
            }
            index = text.index(after: index)
        }
        if let begun = start { ranges.append(begun..<text.endIndex) }
        return ranges
    }
}
