/// Small helpers for reading a body line by line.
enum LineText {
    /// `line` without leading and trailing characters matching `isTrimmed`.
    static func trim(_ line: Substring, _ isTrimmed: (Character) -> Bool) -> Substring {
        let start = line.drop(while: isTrimmed)
        var end = start.endIndex
        while end > start.startIndex, isTrimmed(start[start.index(before: end)]) {
            end = start.index(before: end)
        }
        return start[..<end]
    }

    static func trimmed(_ line: Substring) -> Substring {
        trim(line, \.isWhitespace)
    }

    static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy(isASCIIWhitespace) || line.allSatisfy(\.isWhitespace)
    }

    /// The lines of a body; `\r\n`, `\n` and `\r` all end a line, as do the other characters for
    /// which `Character.isNewline` holds (vertical tab, form feed, NEL, U+2028, U+2029).
    ///
    /// Reads UTF-8 bytes: a newline scalar is always a grapheme cluster of its own (`\r\n` being the
    /// one two-scalar newline), so the lines are those `split(whereSeparator: \.isNewline)` gives.
    static func lines(of text: String) -> [Substring] {
        var copy = text
        let bounds = copy.withUTF8(lineBounds)
        let utf8 = text.utf8
        return bounds.map { bound in
            let start = utf8.index(utf8.startIndex, offsetBy: bound.lowerBound)
            return text[start..<utf8.index(start, offsetBy: bound.count)]
        }
    }

    /// The UTF-8 offset ranges of the lines, without their line ends.
    private static func lineBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var bounds: [Range<Int>] = []
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let newlineLength: Int
            switch byte {
            case 0x0A, 0x0B, 0x0C:
                newlineLength = 1
            case 0x0D:
                newlineLength = index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85:
                newlineLength = 2  // NEL, U+0085
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                newlineLength = 3  // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
            default:
                index += 1
                continue
            }
            bounds.append(lineStart..<index)
            index += newlineLength
            lineStart = index
        }
        bounds.append(lineStart..<bytes.count)
        return bounds
    }

    /// Tab, line feed, vertical tab, form feed, carriage return and space: the ASCII bytes whose
    /// characters are whitespace.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
