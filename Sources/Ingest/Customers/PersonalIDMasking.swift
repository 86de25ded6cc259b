/// Masks what looks like a henkilötunnus in a customer record's bytes before the record is kept in
/// quarantine: the register is the one source that holds identity codes in clear, and the archive
/// keeps them only as keyed hashes. A code with a wrong check character (a common reason to
/// quarantine) is masked too: the shape decides, `DDMMYY`, a century sign, three digits and a
/// check character, not preceded or followed by a letter or digit.
enum PersonalIDMasking {
    static let maskByte = UInt8(ascii: "*")

    static func masked(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        var index = 0
        while index + 11 <= bytes.count {
            if isCode(bytes, at: index) {
                for offset in index..<index + 11 { result[offset] = maskByte }
                index += 11
            } else {
                index += 1
            }
        }
        return result
    }

    private static func isCode(_ bytes: [UInt8], at start: Int) -> Bool {
        if start > 0 && isAlphanumeric(bytes[start - 1]) { return false }
        let end = start + 11
        if end < bytes.count && isAlphanumeric(bytes[end]) { return false }
        return (start..<start + 6).allSatisfy { isDigit(bytes[$0]) }
            && centurySigns.contains(bytes[start + 6])
            && (start + 7..<start + 10).allSatisfy { isDigit(bytes[$0]) }
            && isAlphanumeric(bytes[start + 10])
    }

    /// `+` (1800s), `-` `Y` `X` `W` `V` `U` (1900s), `A` to `F` (2000s), either case.
    private static let centurySigns = Set("+-YXWVUABCDEFyxwvuabcdef".utf8)

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}
