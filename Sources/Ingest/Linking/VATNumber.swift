import FinnishText

/// Finnish VAT numbers (`FI12345671`, ALV-tunnus) in free text: a business ID written without
/// its hyphen behind `FI`, read as that business ID.
enum VATNumber {
    static func all(in text: String) -> [IdentifierMatch<BusinessID>] {
        var copy = text
        let found = copy.withUTF8 { offsets(in: $0, of: text) }
        let utf8 = text.utf8
        return found.map { match in
            let start = utf8.index(utf8.startIndex, offsetBy: match.range.lowerBound)
            let end = utf8.index(start, offsetBy: match.range.count)
            return IdentifierMatch(value: match.id, range: start..<end)
        }
    }

    /// The VAT numbers among the UTF-8 `bytes` of `text`, by offset: ten `Character`s `F`, `I` (in
    /// either case, or a dotless `ı`) and eight ASCII digits, not touching a letter or digit.
    private static func offsets(
        in bytes: UnsafeBufferPointer<UInt8>, of text: String
    ) -> [(id: BusinessID, range: Range<Int>)] {
        var found: [(id: BusinessID, range: Range<Int>)] = []
        var start = 0
        while start < bytes.count {
            guard bytes[start] | 0x20 == UInt8(ascii: "f"), GraphemeBytes.isLoneASCII(at: start, in: bytes),
                  let digitsStart = endOfI(after: start, in: bytes, of: text) else { start += 1; continue }
            let end = digitsStart + 8
            let digits = digitsStart..<min(end, bytes.count)
            guard digits.count == 8,
                  digits.allSatisfy({ isDigit(bytes[$0]) && GraphemeBytes.isLoneASCII(at: $0, in: bytes) }),
                  start == 0 || !isWordCharacter(before: start, in: bytes, of: text),
                  end == bytes.count || !isWordCharacter(at: end, in: bytes, of: text),
                  let id = BusinessID(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            else { start += 1; continue }
            found.append((id, start..<end))
            start = end
        }
        return found
    }

    /// Where the character after the `F` at `offset` ends, when it upper-cases to `I`.
    private static func endOfI(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>, of text: String) -> Int? {
        let next = offset + 1
        guard next < bytes.count else { return nil }
        if bytes[next] | 0x20 == UInt8(ascii: "i") {
            return GraphemeBytes.isLoneASCII(at: next, in: bytes) ? next + 1 : nil
        }
        // `ı` (U+0131, dotless i) upper-cases to `I` as well.
        guard next + 1 < bytes.count, bytes[next] == 0xC4, bytes[next + 1] == 0xB1,
              GraphemeBytes.character(at: next, in: text) == "ı" else { return nil }
        return next + 2
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isWordCharacter(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, of text: String) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80, offset + 1 == bytes.count || bytes[offset + 1] < 0x80 { return isASCIIWord(byte) }
        return isWordCharacter(GraphemeBytes.character(at: offset, in: text))
    }

    private static func isWordCharacter(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>, of text: String) -> Bool {
        let byte = bytes[offset - 1]
        if byte < 0x80, offset == 1 || bytes[offset - 2] < 0x80 { return isASCIIWord(byte) }
        return isWordCharacter(GraphemeBytes.character(before: offset, in: text))
    }

    private static func isASCIIWord(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
