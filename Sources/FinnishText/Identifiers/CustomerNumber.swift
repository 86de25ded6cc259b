/// Esimerkkiverkko's customer number, `AS-1234567` (two letters, a hyphen, seven digits).
public struct CustomerNumber: Hashable, Sendable, CustomStringConvertible {
    /// Upper case with the hyphen: `AS-1234567`.
    public let value: String

    /// Accepts `AS-1234567`, `as 1234567` and `AS1234567`.
    public init?(_ written: String) {
        let bytes = Array(written.uppercased().utf8.filter { $0 != 0x20 && $0 != UInt8(ascii: "-") })
        guard bytes.count == 9, bytes[0] == UInt8(ascii: "A"), bytes[1] == UInt8(ascii: "S"),
              bytes[2...].allSatisfy(ASCIIText.isDigit) else { return nil }
        value = "AS-" + String(decoding: bytes[2...], as: UTF8.self)
    }

    /// The customer numbers written as `AS-1234567` in free text.
    public static func all(in text: String) -> [IdentifierMatch<CustomerNumber>] {
        let bytes = Array(text.utf8)
        var matches: [IdentifierMatch<CustomerNumber>] = []
        for run in ASCIIText.runs(in: bytes, where: { ASCIIText.isWordByte($0) || $0 == UInt8(ascii: "-") }) {
            guard run.count == 10, let number = CustomerNumber(String(decoding: bytes[run], as: UTF8.self)),
                  bytes[run.lowerBound + 2] == UInt8(ascii: "-") else { continue }
            matches.append(IdentifierMatch(value: number, range: ASCIIText.range(run, in: text)))
        }
        return matches
    }

    public var description: String { value }
}
