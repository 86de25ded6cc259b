/// A telephone number in E.164 form (`+358401234567`), read from the ways Finnish numbers are
/// written: `040 123 4567`, `+358 40 1234567`, `+358 (0)40 123 4567`, `0401234567`,
/// `358401234567` (call records), `(09) 123 456`, `00358 40 123 4567`, `040-123 4567`.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// `+` and country code and national significant number, digits only.
    public let e164: String

    /// National significant numbers (without the trunk `0`) are this long in Finland:
    /// `9 123 456` (Helsinki landline) to `45 71234567` (long mobile numbers).
    static let finnishNationalLength = 6...10
    /// E.164 allows at most 15 digits; anything shorter than 7 is not a subscriber number.
    static let internationalLength = 7...15

    /// Parses a number written on its own (a form field, a CDR column). Nil when it is not a
    /// plausible Finnish number or `+`/`00`-prefixed international number.
    public init?(_ written: String) {
        guard let e164 = Self.parse(Array(written.utf8), freeText: false) else { return nil }
        self.e164 = e164
    }

    /// The E.164 form of a written number, or nil.
    public static func e164(_ written: String) -> String? {
        PhoneNumber(written)?.e164
    }

    private init(e164: String) {
        self.e164 = e164
    }

    /// Reads separators away and applies the Finnish rules. In free text only `+`, `00358`,
    /// `358` and trunk-`0` numbers count, and `00` with another country code does not.
    private static func parse(_ bytes: [UInt8], freeText: Bool) -> String? {
        var text = bytes
        // `+358 (0)40 ...`: the bracketed trunk zero is not dialled from abroad.
        if let range = text.firstRange(of: Array("(0)".utf8)), range.lowerBound > 0 {
            text.removeSubrange(range)
        }
        var digits: [UInt8] = []
        var plus = false
        for (position, byte) in text.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte)
            case UInt8(ascii: "+") where position == text.firstIndex(where: { $0 != 0x20 }) && digits.isEmpty: plus = true
            case 0x20, 0x09, UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"): continue
            default: return nil
            }
        }
        let number = String(decoding: digits, as: UTF8.self)
        if plus || number.hasPrefix("00") {
            let international = plus ? number : String(number.dropFirst(2))
            if international.hasPrefix("358") {
                return finnish(nationalSignificant: international.dropFirst(3))
            }
            guard !freeText || plus, internationalLength.contains(international.count),
                  international.first != "0" else { return nil }
            return "+" + international
        }
        if number.hasPrefix("358"), finnishNationalLength.contains(number.count - 3) {
            // `358401234567` as call records write it: only unseparated.
            guard !bytes.contains(where: { !ASCIIText.isDigit($0) }) else { return nil }
            return finnish(nationalSignificant: number.dropFirst(3))
        }
        if number.hasPrefix("0") {
            return finnish(nationalSignificant: number.dropFirst())
        }
        return nil
    }

    private static func finnish(nationalSignificant: Substring) -> String? {
        guard finnishNationalLength.contains(nationalSignificant.count),
              let first = nationalSignificant.first, first != "0" else { return nil }
        return "+358" + nationalSignificant
    }

    /// The phone numbers written in free text such as signatures (`puh. 040 123 4567`).
    ///
    /// Dates (`01.03.2024`), amounts (`0,50 €`), times, customer numbers (`AS-1234567`), business
    /// IDs and personal identity codes are not numbers: candidates must start with `+`, `(0`, `0`
    /// or `358`, may contain only spaces, hyphens, slashes and brackets between digits, must not
    /// touch letters or continue with `.`/`,` and a digit, and must not overlap an identifier.
    public static func all(in text: String) -> [IdentifierMatch<PhoneNumber>] {
        let bytes = Array(text.utf8)
        // The other identifiers are looked for only once there is a candidate they could overlap.
        var identifiers: [Range<Int>]?
        func overlapsIdentifier(_ candidate: Range<Int>) -> Bool {
            let found = identifiers ?? BusinessID.all(in: text).map { utf8Offsets($0.range, in: text) }
                + PersonalIdentityCode.all(in: text).map { utf8Offsets($0.range, in: text) }
            identifiers = found
            return found.contains { $0.overlaps(candidate) }
        }
        var matches: [IdentifierMatch<PhoneNumber>] = []
        var index = 0
        while index < bytes.count {
            guard let groupEnds = candidateGroupEnds(at: index, in: bytes) else { index += 1; continue }
            // Longest prefix ending after a digit group that reads as a number.
            var found: (end: Int, e164: String)?
            for end in groupEnds.reversed() {
                // Nobody groups a number with a lone last digit: `040 123 4567 2 kertaa`.
                let loneLastDigit = end != groupEnds.first && !ASCIIText.isDigit(bytes[end - 2])
                if !loneLastDigit, isBoundary(after: end, in: bytes),
                   let e164 = parse(Array(bytes[index..<end]), freeText: true) {
                    found = (end, e164)
                    break
                }
            }
            if let found, !overlapsIdentifier(index..<found.end) {
                matches.append(IdentifierMatch(value: PhoneNumber(e164: found.e164),
                                               range: ASCIIText.range(index..<found.end, in: text)))
                index = found.end
            } else {
                index = groupEnds.first ?? index + 1
            }
        }
        return matches
    }

    /// Where a number could start at `start`, and the ends of its digit groups.
    private static func candidateGroupEnds(at start: Int, in bytes: [UInt8]) -> [Int]? {
        let first = bytes[start]
        guard first == UInt8(ascii: "+") || first == UInt8(ascii: "(") || ASCIIText.isDigit(first) else { return nil }
        if start > 0 {
            let previous = bytes[start - 1]
            if ASCIIText.isWordByte(previous) || "-.,/+:".utf8.contains(previous) { return nil }
        }
        var index = start
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "(") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "0") || bytes[index] == UInt8(ascii: "3")
                || (first == UInt8(ascii: "+") && ASCIIText.isDigit(bytes[index])) else { return nil }
        var groupEnds: [Int] = []
        while index < bytes.count {
            if ASCIIText.isDigit(bytes[index]) {
                index += 1
                if index == bytes.count || !ASCIIText.isDigit(bytes[index]) {
                    groupEnds.append(index)
                }
                continue
            }
            // One separator (or `) `, ` (`) between groups.
            var next = index
            while next < bytes.count, next - index < 2, " -/()".utf8.contains(bytes[next]) { next += 1 }
            guard next > index, next < bytes.count, ASCIIText.isDigit(bytes[next]) else { break }
            index = next
        }
        return groupEnds.isEmpty ? nil : groupEnds
    }

    /// Whether a number may end at `end`: not followed by a letter or digit, nor by `.`/`,`/`:`
    /// and a digit (a date, an amount, a time).
    private static func isBoundary(after end: Int, in bytes: [UInt8]) -> Bool {
        guard end < bytes.count else { return true }
        let next = bytes[end]
        if ASCIIText.isWordByte(next) { return false }
        if ".,:".utf8.contains(next), end + 1 < bytes.count, ASCIIText.isDigit(bytes[end + 1]) { return false }
        return true
    }

    private static func utf8Offsets(_ range: Range<String.Index>, in text: String) -> Range<Int> {
        let utf8 = text.utf8
        return utf8.distance(from: utf8.startIndex, to: range.lowerBound)..<utf8.distance(from: utf8.startIndex, to: range.upperBound)
    }

    public var description: String { e164 }
}
