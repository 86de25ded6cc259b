/// An identifier found in free text, with where it was written.
public struct IdentifierMatch<Value: Hashable & Sendable>: Hashable, Sendable {
    /// The identifier, normalised.
    public let value: Value
    /// Where it was written in the searched text.
    public let range: Range<String.Index>

    public init(value: Value, range: Range<String.Index>) {
        self.value = value
        self.range = range
    }
}

/// Byte-level helpers shared by the recognisers (identifiers are ASCII).
enum ASCIIText {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    /// A letter or digit, counting any non-ASCII byte as a letter (ä, ö, é are word characters).
    static func isWordByte(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) || byte >= 0x80 }
    static func digitValue(_ byte: UInt8) -> Int { Int(byte) - 0x30 }

    /// The `String.Index` range of a UTF-8 offset range in `text`.
    static func range(_ offsets: Range<Int>, in text: String) -> Range<String.Index> {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)
        let end = utf8.index(start, offsetBy: offsets.count)
        return start..<end
    }

    /// Offsets in `bytes` where a token made of `isTokenByte` characters starts and ends, for each
    /// maximal run; used to find candidates bounded by non-word characters.
    static func runs(in bytes: [UInt8], where isTokenByte: (UInt8) -> Bool) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard isTokenByte(bytes[index]) else { index += 1; continue }
            let start = index
            while index < bytes.count, isTokenByte(bytes[index]) { index += 1 }
            runs.append(start..<index)
        }
        return runs
    }
}
