/// Splits a header block (RFC 5322 §2.2) off the front of an entity: unfolds fields, keeps duplicates
/// and their order, and finds where the body starts.
///
/// The block ends at the first empty line. A line that is neither a field nor a continuation also
/// ends it (a missing separator; the line then belongs to the body). An mbox `From ` envelope line at
/// the very start is skipped. CRLF, LF and a mix of both are accepted.
struct HeaderParser {
    struct Result {
        var fields: HeaderFields
        /// Offset of the first body byte in the buffer.
        var bodyStart: Int
        var defects: [Defect]
    }

    let maxLineBytes: Int

    func parse(_ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) throws(LimitExceeded) -> Result {
        var fields: [HeaderFields.Field] = []
        var defects: [Defect] = []
        var sawCRLF = false
        var sawBareLF = false
        var undecodable8Bit = false

        // The field being collected: its name and the byte ranges of its value lines.
        var currentName: Range<Int>? = nil
        var currentValue: [Range<Int>] = []

        func finishField() {
            guard let name = currentName else { return }
            let (value, problem) = HeaderText.decodeValue(buffer, lines: currentValue)
            if problem == .undecodable8Bit { undecodable8Bit = true }
            let nameText = String(decoding: UnsafeBufferPointer(rebasing: buffer[name]), as: UTF8.self)
            fields.append(HeaderFields.Field(name: nameText, rawValue: value))
            currentName = nil
            currentValue.removeAll(keepingCapacity: true)
        }

        var position = range.lowerBound
        let end = range.upperBound
        var bodyStart = end
        var isFirstLine = true

        while position < end {
            let lineEnd = Self.lineEnd(buffer, from: position, end: end)
            var contentEnd = lineEnd
            if lineEnd < end {
                if lineEnd > position && buffer[lineEnd - 1] == ASCIIByte.cr {
                    contentEnd -= 1
                    sawCRLF = true
                } else {
                    sawBareLF = true
                }
            }
            if contentEnd - position > maxLineBytes {
                throw LimitExceeded(.headerLineLength, allowed: maxLineBytes, found: contentEnd - position)
            }
            let next = lineEnd < end ? lineEnd + 1 : end

            if contentEnd == position {
                // The empty line that separates header and body.
                bodyStart = next
                break
            }
            let first = buffer[position]
            if ASCIIByte.isBlank(first) {
                if currentName != nil {
                    currentValue.append(position..<contentEnd)
                } else if !isFirstLine || !Self.isBlankLine(buffer, position..<contentEnd) {
                    defects.append(Defect(.malformedHeader, "continuation line without a field"))
                }
                isFirstLine = false
                position = next
                continue
            }
            if isFirstLine && Self.isEnvelopeLine(buffer, position..<contentEnd) {
                isFirstLine = false
                position = next
                continue
            }
            isFirstLine = false
            guard let colon = Self.fieldNameEnd(buffer, position..<contentEnd) else {
                // Not a field: the header block ended without its empty line.
                defects.append(Defect(.missingHeaderBodySeparator, "header block ends at a line that is not a field"))
                bodyStart = position
                break
            }
            finishField()
            var nameEnd = colon
            while nameEnd > position && ASCIIByte.isBlank(buffer[nameEnd - 1]) { nameEnd -= 1 }
            currentName = position..<nameEnd
            currentValue.append(colon + 1..<contentEnd)
            position = next
        }
        finishField()

        if sawCRLF && sawBareLF {
            defects.append(Defect(.mixedLineEndings, "header lines end in both CRLF and LF"))
        }
        if undecodable8Bit {
            defects.append(Defect(.undeclared8BitHeader, "8-bit header bytes that are not UTF-8, read as windows-1252"))
        }
        return Result(fields: HeaderFields(fields), bodyStart: bodyStart, defects: defects)
    }

    /// The offset of the next LF at or after `from`, or `end`.
    @inline(__always)
    static func lineEnd(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
        ByteSearch.firstIndex(of: ASCIIByte.lf, in: buffer, from: from, end: end) ?? end
    }

    /// The colon ending a field name of printable ASCII, optionally followed by blanks (obsolete
    /// syntax); nil when the line is no field.
    private static func fieldNameEnd(_ buffer: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int? {
        var index = line.lowerBound
        while index < line.upperBound {
            let byte = buffer[index]
            if byte == ASCIIByte.colon {
                return index > line.lowerBound ? index : nil
            }
            if ASCIIByte.isBlank(byte) {
                // Only blanks may follow, then the colon.
                var after = index
                while after < line.upperBound && ASCIIByte.isBlank(buffer[after]) { after += 1 }
                return after < line.upperBound && buffer[after] == ASCIIByte.colon && index > line.lowerBound
                    ? after : nil
            }
            if byte < 0x21 || byte > 0x7E { return nil }
            index += 1
        }
        return nil
    }

    private static func isEnvelopeLine(_ buffer: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        line.count >= 5 && buffer[line.lowerBound..<line.lowerBound + 5].elementsEqual("From ".utf8)
    }

    private static func isBlankLine(_ buffer: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        buffer[line].allSatisfy(ASCIIByte.isBlank)
    }
}
