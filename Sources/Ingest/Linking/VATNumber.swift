import FinnishText

/// Finnish VAT numbers (`FI12345671`, ALV-tunnus) in free text: a business ID written without
/// its hyphen behind `FI`, read as that business ID.
enum VATNumber {
    static func all(in text: String) -> [IdentifierMatch<BusinessID>] {
        var matches: [IdentifierMatch<BusinessID>] = []
        var index = text.startIndex
        while let start = text[index...].firstIndex(where: { $0 == "F" || $0 == "f" }) {
            let end = text.index(start, offsetBy: 10, limitedBy: text.endIndex) ?? text.endIndex
            let candidate = text[start..<end]
            let bounded = (start == text.startIndex || !isWordCharacter(text[text.index(before: start)]))
                && (end == text.endIndex || !isWordCharacter(text[end]))
            if bounded, candidate.count == 10, candidate.prefix(2).uppercased() == "FI",
               candidate.dropFirst(2).allSatisfy({ $0.isASCII && $0.isNumber }),
               let id = BusinessID(String(candidate)) {
                matches.append(IdentifierMatch(value: id, range: start..<end))
                index = end
            } else {
                index = text.index(after: start)
            }
        }
        return matches
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
