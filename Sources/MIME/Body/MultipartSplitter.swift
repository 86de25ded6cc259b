/// Finds the body parts of a multipart entity (RFC 2046 §5.1.1).
///
/// A delimiter is a line `--boundary` (a close delimiter `--boundary--`) followed only by blanks. The
/// line break before a delimiter belongs to it. The preamble and the epilogue are dropped, and so is
/// nothing between two delimiter lines (no header, no body: not a part, as Python's parser reads it).
/// When the close delimiter is missing, the last part runs to the end of the body.
struct MultipartSplitter {
    struct Result {
        /// Byte ranges of the parts, in order.
        var parts: [Range<Int>]
        var foundCloseDelimiter: Bool
    }

    /// Parts of the body in `range`; nil when no delimiter occurs at all.
    static func split(
        _ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, boundary: [UInt8], maxParts: Int
    ) -> Result? {
        // Search for "\n--boundary"; the body's first line is checked separately.
        let needle = [ASCIIByte.lf, ASCIIByte.minus, ASCIIByte.minus] + boundary
        return needle.withUnsafeBufferPointer { needle in
            var parts: [Range<Int>] = []
            var partStart: Int? = nil
            var position = range.lowerBound

            // Whether a delimiter starts at `lineStart`; returns the offset after its line and whether it closes.
            func delimiter(at lineStart: Int) -> (next: Int, isClose: Bool)? {
                var index = lineStart + 2 + boundary.count
                guard index <= range.upperBound else { return nil }
                var isClose = false
                if index + 1 < range.upperBound, buffer[index] == ASCIIByte.minus, buffer[index + 1] == ASCIIByte.minus {
                    isClose = true
                    index += 2
                }
                while index < range.upperBound, ASCIIByte.isBlank(buffer[index]) { index += 1 }
                if index == range.upperBound { return (index, isClose) }
                if buffer[index] == ASCIIByte.lf { return (index + 1, isClose) }
                if buffer[index] == ASCIIByte.cr {
                    if index + 1 == range.upperBound { return (index + 1, isClose) }
                    if buffer[index + 1] == ASCIIByte.lf { return (index + 2, isClose) }
                }
                return nil
            }

            /// Ends the current part before the line break that precedes a delimiter at `lineStart`.
            func closePart(before lineStart: Int) {
                guard let start = partStart, lineStart > start else { return }
                var end = lineStart
                if end > start && buffer[end - 1] == ASCIIByte.lf { end -= 1 }
                if end > start && buffer[end - 1] == ASCIIByte.cr { end -= 1 }
                parts.append(start..<max(start, end))
            }

            // The body may open with a delimiter on its first line.
            if range.count >= needle.count - 1,
                buffer[range.lowerBound..<range.lowerBound + needle.count - 1].elementsEqual(needle[1...]),
                let found = delimiter(at: range.lowerBound)
            {
                if found.isClose { return Result(parts: [], foundCloseDelimiter: true) }
                partStart = found.next
                position = found.next
            }

            while let newline = ByteSearch.firstIndex(of: needle, in: buffer, from: max(position - 1, range.lowerBound),
                                                      end: range.upperBound)
            {
                let lineStart = newline + 1
                guard let found = delimiter(at: lineStart) else {
                    position = lineStart + 1
                    continue
                }
                closePart(before: lineStart)
                if found.isClose {
                    return Result(parts: parts, foundCloseDelimiter: true)
                }
                if parts.count > maxParts { break }
                partStart = found.next
                position = found.next
            }
            guard let start = partStart else { return nil }
            parts.append(start..<range.upperBound)
            return Result(parts: parts, foundCloseDelimiter: false)
        }
    }
}
