/// A Finnish personal identity code (henkilötunnus), `DDMMYYCZZZQ`: birth date, century sign,
/// individual number and check character.
///
/// Century signs: `+` 1800s; `-` and, since 2023, `Y X W V U` 1900s; `A` and `B C D E F` 2000s.
/// The check character is the nine digits `DDMMYYZZZ` as one number modulo 31, looked up in
/// `0123456789ABCDEFHJKLMNPRSTUVWXY`. Individual numbers 002–899 are ordinary, 900–999 temporary.
///
/// Treat values as sensitive: the archive stores only a keyed hash of them.
public struct PersonalIdentityCode: Hashable, Sendable, CustomStringConvertible {
    /// The canonical form (upper case), e.g. `131052-308T`.
    public let value: String
    public let birthDate: BirthDate

    public struct BirthDate: Hashable, Sendable {
        public let year: Int
        public let month: Int
        public let day: Int
    }

    private static let checkCharacters = Array("0123456789ABCDEFHJKLMNPRSTUVWXY".utf8)

    /// Parses a written code (surrounding whitespace ignored, letters in either case). Nil unless the
    /// date exists, the century sign is known and the check character holds.
    public init?(_ written: String) {
        let bytes = Array(written.uppercased().utf8.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
        guard let (date, canonical) = Self.parse(bytes[...]) else { return nil }
        value = canonical
        birthDate = date
    }

    /// Century from the sign, nil for an unknown sign.
    private static func century(of sign: UInt8) -> Int? {
        switch sign {
        case UInt8(ascii: "+"): 1800
        case UInt8(ascii: "-"), UInt8(ascii: "Y"), UInt8(ascii: "X"), UInt8(ascii: "W"),
             UInt8(ascii: "V"), UInt8(ascii: "U"): 1900
        case UInt8(ascii: "A"), UInt8(ascii: "B"), UInt8(ascii: "C"), UInt8(ascii: "D"),
             UInt8(ascii: "E"), UInt8(ascii: "F"): 2000
        default: nil
        }
    }

    /// Validates 11 upper-case bytes.
    private static func parse(_ bytes: ArraySlice<UInt8>) -> (BirthDate, String)? {
        guard bytes.count == 11 else { return nil }
        let b = Array(bytes)
        let digitPositions = [0, 1, 2, 3, 4, 5, 7, 8, 9]
        guard digitPositions.allSatisfy({ ASCIIText.isDigit(b[$0]) }),
              let century = century(of: b[6]) else { return nil }
        func number(_ range: Range<Int>) -> Int {
            range.reduce(0) { $0 * 10 + ASCIIText.digitValue(b[$1]) }
        }
        let day = number(0..<2), month = number(2..<4), year = century + number(4..<6)
        let individual = number(7..<10)
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              individual >= 2 else { return nil }
        let nineDigits = number(0..<6) * 1000 + individual
        guard checkCharacters[nineDigits % 31] == b[10] else { return nil }
        return (BirthDate(year: year, month: month, day: day), String(decoding: b, as: UTF8.self))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The valid codes in free text, not inside longer words or numbers.
    public static func all(in text: String) -> [IdentifierMatch<PersonalIdentityCode>] {
        let original = Array(text.utf8)
        // Upper-casing ASCII keeps byte offsets; non-ASCII bytes stay as they are.
        let bytes = original.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        var matches: [IdentifierMatch<PersonalIdentityCode>] = []
        var start = 0
        while start + 11 <= bytes.count {
            let window = bytes[start..<start + 11]
            let bounded = (start == 0 || !ASCIIText.isWordByte(bytes[start - 1]))
                && (start + 11 == bytes.count || !ASCIIText.isWordByte(bytes[start + 11]))
            if bounded, ASCIIText.isDigit(bytes[start]), let (date, canonical) = parse(window) {
                matches.append(IdentifierMatch(
                    value: PersonalIdentityCode(value: canonical, birthDate: date),
                    range: ASCIIText.range(start..<start + 11, in: text)))
                start += 11
            } else {
                start += 1
            }
        }
        return matches
    }

    private init(value: String, birthDate: BirthDate) {
        self.value = value
        self.birthDate = birthDate
    }

    public var description: String { value }
}
