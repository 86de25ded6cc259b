/// A Finnish business ID (Y-tunnus), `1234567-8`: seven digits and a check digit.
///
/// The check digit: weigh the digits by 7, 9, 10, 5, 8, 4, 2 and take the sum modulo 11; a
/// remainder of 0 gives 0, 1 is never issued, otherwise the digit is 11 − remainder.
public struct BusinessID: Hashable, Sendable, CustomStringConvertible {
    /// The canonical form, `1234567-8`.
    public let value: String

    private static let weights = [7, 9, 10, 5, 8, 4, 2]

    /// Parses a written business ID: `1234567-8`, the old six-digit form `123456-7` (a leading zero
    /// is added) or the VAT number form `FI12345678`. Nil unless the check digit holds.
    public init?(_ written: String) {
        var text = Substring(written.filter { !$0.isWhitespace })
        if text.count == 10, text.prefix(2).uppercased() == "FI" {
            let digits = text.dropFirst(2)
            text = digits.prefix(7) + "-" + digits.suffix(1)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 1,
              parts[0].count == 7 || parts[0].count == 6,
              parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
        let body = parts[0].count == 6 ? "0" + parts[0] : String(parts[0])
        guard let expected = Self.checkDigit(for: body), String(expected) == parts[1] else { return nil }
        value = body + "-" + parts[1]
    }

    /// The check digit for seven digits, or nil when they can carry none (remainder 1) or are not
    /// seven ASCII digits.
    public static func checkDigit(for digits: String) -> Int? {
        let values = digits.utf8.map { Int($0) - 0x30 }
        guard values.count == 7, values.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let remainder = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
        switch remainder {
        case 0: return 0
        case 1: return nil
        default: return 11 - remainder
        }
    }

    /// The valid business IDs written as `1234567-8` in free text (not inside longer numbers).
    public static func all(in text: String) -> [IdentifierMatch<BusinessID>] {
        let bytes = Array(text.utf8)
        var matches: [IdentifierMatch<BusinessID>] = []
        for run in ASCIIText.runs(in: bytes, where: { ASCIIText.isDigit($0) || $0 == UInt8(ascii: "-") }) {
            guard run.count == 9, bytes[run.lowerBound + 7] == UInt8(ascii: "-") else { continue }
            if run.lowerBound > 0, ASCIIText.isWordByte(bytes[run.lowerBound - 1]) { continue }
            if run.upperBound < bytes.count, ASCIIText.isWordByte(bytes[run.upperBound]) { continue }
            let candidate = String(decoding: bytes[run], as: UTF8.self)
            if let id = BusinessID(candidate) {
                matches.append(IdentifierMatch(value: id, range: ASCIIText.range(run, in: text)))
            }
        }
        return matches
    }

    public var description: String { value }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
