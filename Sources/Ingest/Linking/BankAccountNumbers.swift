/// Where IBANs (`FI21 1234 5600 0007 85`) are written, so that their digit groups are not read as
/// phone numbers.
enum BankAccountNumbers {
    /// IBANs are 15 to 34 letters and digits: a country code, two check digits, the account.
    static let length = 15...34

    /// The UTF-8 offset ranges of the IBANs in `bytes`: two capitals and two digits not preceded by
    /// a capital or digit, then capitals and digits, single spaces allowed between them.
    ///
    /// Characters are compared as `Character`s: an `A` carrying a combining mark is no capital.
    static func ranges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var position = 0
        while position + 4 <= bytes.count {
            guard startsIBAN(at: position, in: bytes) else { position += 1; continue }
            var end = position + 4
            var significant = 4
            while end < bytes.count {
                if isAccountCharacter(at: end, in: bytes) {
                    significant += 1
                    end += 1
                } else if bytes[end] == space, GraphemeBytes.isLoneASCII(at: end, in: bytes),
                          end + 1 < bytes.count, isAccountCharacter(at: end + 1, in: bytes) {
                    end += 1
                } else {
                    break
                }
            }
            if length.contains(significant) { ranges.append(position..<end) }
            position = end
        }
        return ranges
    }

    private static let space = UInt8(ascii: " ")

    private static func startsIBAN(at position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Cheap byte tests first; the grapheme checks only for the rare byte pattern that passes.
        guard isCapital(bytes[position]), isCapital(bytes[position + 1]),
              isDigit(bytes[position + 2]), isDigit(bytes[position + 3]) else { return false }
        return (position == 0 || !isAccountCharacter(at: position - 1, in: bytes))
            && (position..<position + 4).allSatisfy { GraphemeBytes.isLoneASCII(at: $0, in: bytes) }
    }

    private static func isAccountCharacter(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = bytes[offset]
        return (isCapital(byte) || isDigit(byte)) && GraphemeBytes.isLoneASCII(at: offset, in: bytes)
    }

    private static func isCapital(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
