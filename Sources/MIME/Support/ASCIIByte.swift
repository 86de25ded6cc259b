/// Byte constants and classification used by the parsers, which work on bytes rather than `String`s.
enum ASCIIByte {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let percent: UInt8 = 0x25
    static let apostrophe: UInt8 = 0x27
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let asterisk: UInt8 = 0x2A
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let lessThan: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let greaterThan: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let at: UInt8 = 0x40
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == cr || byte == lf
    }

    /// Space or tab: the white space that may start a folded header line.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// The value of a hexadecimal digit of either case, or nil.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        if byte &- 0x30 < 10 { return byte &- 0x30 }
        let lower = byte | 0x20
        if lower &- 0x61 < 6 { return lower &- 0x61 &+ 10 }
        return nil
    }
}

extension Collection<UInt8> {
    /// Whether these bytes spell `lowercaseASCII` ignoring ASCII case.
    func equalsIgnoringCase(_ lowercaseASCII: StaticString) -> Bool {
        guard count == lowercaseASCII.utf8CodeUnitCount else { return false }
        return lowercaseASCII.withUTF8Buffer { expected in
            zip(self, expected).allSatisfy { ASCIIByte.lowercased($0) == $1 }
        }
    }

    /// Whether every byte is below 0x80.
    var isASCII: Bool {
        allSatisfy { $0 < 0x80 }
    }
}

extension String {
    /// This string with ASCII letters lowercased; other characters unchanged.
    var asciiLowercased: String {
        if !utf8.contains(where: { $0 &- 0x41 < 26 }) { return self }
        return String(decoding: utf8.map(ASCIIByte.lowercased), as: UTF8.self)
    }

    /// This string without leading and trailing spaces, tabs, CRs and LFs.
    var trimmingASCIIWhitespace: String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !ASCIIByte.isWhitespace($0) }),
            let last = bytes.lastIndex(where: { !ASCIIByte.isWhitespace($0) })
        else { return "" }
        if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) { return self }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether every byte is below 0x80, eight bytes at a time.
    var isASCII: Bool {
        guard let base = baseAddress else { return true }
        var index = 0
        let wordCount = count / 8
        let raw = UnsafeRawPointer(base)
        for word in 0..<wordCount {
            if raw.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                return false
            }
        }
        index = wordCount * 8
        while index < count {
            if base[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}

extension Array<UInt8> {
    /// The index after the comment that opens at `start` (RFC 5322 comments nest; `\\` escapes); the
    /// end of the array when the comment is not closed.
    func indexAfterComment(startingAt start: Int) -> Int {
        commentExtent(startingAt: start).next
    }

    /// Where the comment that opens at `start` ends: the index after its closing parenthesis, or the
    /// end of the array and `closed` false when it is not closed. Iterative, so any nesting is safe.
    func commentExtent(startingAt start: Int) -> (next: Int, closed: Bool) {
        var depth = 0
        var index = start
        while index < count {
            switch self[index] {
            case ASCIIByte.backslash: index += 1
            case ASCIIByte.openParen: depth += 1
            case ASCIIByte.closeParen:
                depth -= 1
                if depth == 0 { return (index + 1, true) }
            default: break
            }
            index += 1
        }
        return (count, false)
    }
}
