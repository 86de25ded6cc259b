/// Where IBANs (`FI21 1234 5600 0007 85`) are written, so that their digit groups are not read as
/// phone numbers.
enum BankAccountNumbers {
    /// IBANs are 15 to 34 letters and digits: a country code, two check digits, the account.
    static let length = 15...34

    static func ranges(in text: String) -> [Range<String.Index>] {
        let characters = Array(text.indices)
        var ranges: [Range<String.Index>] = []
        var position = 0
        while position + 4 <= characters.count {
            let start = characters[position]
            let startsIBAN = (position == 0 || !isAccountCharacter(text[characters[position - 1]]))
                && isCapital(text[characters[position]]) && isCapital(text[characters[position + 1]])
                && isDigit(text[characters[position + 2]]) && isDigit(text[characters[position + 3]])
            guard startsIBAN else { position += 1; continue }
            var end = position + 4
            var significant = 4
            while end < characters.count {
                let character = text[characters[end]]
                if isAccountCharacter(character) {
                    significant += 1
                    end += 1
                } else if character == " ", end + 1 < characters.count, isAccountCharacter(text[characters[end + 1]]) {
                    end += 1
                } else {
                    break
                }
            }
            if length.contains(significant) {
                ranges.append(start..<(end < characters.count ? characters[end] : text.endIndex))
            }
            position = end
        }
        return ranges
    }

    private static func isCapital(_ character: Character) -> Bool {
        character.isASCII && character.isUppercase
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    private static func isAccountCharacter(_ character: Character) -> Bool {
        isCapital(character) || isDigit(character)
    }
}
