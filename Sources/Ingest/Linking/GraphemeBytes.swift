/// Reads text as UTF-8 bytes while keeping the `Character` meaning of the ASCII characters the
/// linking rules look for.
///
/// A byte `0x41` is the character `A` only when no other scalar shares its grapheme cluster:
/// `A\u{301}` (a combining mark), `1\u{FE0F}\u{20E3}` (a keycap) and `\u{600}1` (a prepended
/// mark) are single `Character`s that are not ASCII. Between two ASCII scalars there is always a
/// cluster boundary except inside `\r\n`, so only neighbouring non-ASCII bytes need a closer look,
/// and whether such a pair joins depends on the two scalars alone (rules GB9, GB9a and GB9b).
enum GraphemeBytes {
    /// Whether `bytes[offset]` is an ASCII scalar forming a `Character` on its own.
    static func isLoneASCII(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = bytes[offset]
        guard byte < 0x80 else { return false }
        if offset + 1 < bytes.count {
            let next = bytes[offset + 1]
            if byte == carriageReturn, next == lineFeed { return false }
            if next >= 0x80, joins(Unicode.Scalar(byte), scalar(startingAt: offset + 1, in: bytes)) { return false }
        }
        if offset > 0 {
            let previous = bytes[offset - 1]
            if previous == carriageReturn, byte == lineFeed { return false }
            if previous >= 0x80, joins(scalar(endingAt: offset - 1, in: bytes), Unicode.Scalar(byte)) { return false }
        }
        return true
    }

    /// The `Character` that starts at UTF-8 offset `offset` (a character boundary) in `text`.
    static func character(at offset: Int, in text: String) -> Character {
        text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)]
    }

    /// The `Character` that ends just before UTF-8 offset `offset` (a character boundary, not 0).
    static func character(before offset: Int, in text: String) -> Character {
        let end = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return text[text.index(before: end)]
    }

    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    /// Whether two adjacent scalars belong to one grapheme cluster.
    private static func joins(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        var pair = String(first)
        pair.unicodeScalars.append(second)
        return pair.count == 1
    }

    /// The scalar whose first byte is at `offset` (the text is valid UTF-8).
    private static func scalar(startingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        var iterator = bytes[offset...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }

    /// The scalar whose last byte is at `offset`.
    private static func scalar(endingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        var start = offset
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(startingAt: start, in: bytes)
    }
}
