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
        line.allSatisfy(\.isWhitespace)
    }

    /// The lines of a body; `\r\n`, `\n` and `\r` all end a line.
    static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }
}
