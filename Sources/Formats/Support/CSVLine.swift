/// Splits one CSV record into fields (RFC 4180, tolerantly).
///
/// A field that starts with `"` (after optional spaces) is quoted: `""` inside it is one quote, and it
/// may hold separators and line breaks. Text after a closing quote up to the next separator is kept
/// (`"abc"def` gives `abcdef`). A quote inside an unquoted field is an ordinary character. Field bytes
/// are decoded by ``TextDecoding``.
enum CSVLine {
    enum Parsed: Equatable {
        case fields([String])
        /// The record ends inside a quoted field: with line breaks allowed, the next line continues it.
        case unterminatedQuote
    }

    static func split(_ bytes: [UInt8], separator: UInt8) -> Parsed {
        var fields: [String] = []
        var field: [UInt8] = []
        var index = 0
        let count = bytes.count
        let quote = UInt8(ascii: "\"")
        while true {
            // At the start of a field.
            field.removeAll(keepingCapacity: true)
            var lookahead = index
            while lookahead < count, bytes[lookahead] == 0x20 || bytes[lookahead] == 0x09 { lookahead += 1 }
            if lookahead < count, bytes[lookahead] == quote {
                index = lookahead + 1
                var closed = false
                while index < count {
                    let byte = bytes[index]
                    if byte == quote {
                        if index + 1 < count, bytes[index + 1] == quote {
                            field.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    field.append(byte)
                    index += 1
                }
                guard closed else { return .unterminatedQuote }
                // Anything after the closing quote up to the separator, minus trailing blanks.
                var tail: [UInt8] = []
                while index < count, bytes[index] != separator {
                    tail.append(bytes[index])
                    index += 1
                }
                while let last = tail.last, last == 0x20 || last == 0x09 { tail.removeLast() }
                field.append(contentsOf: tail)
            } else {
                while index < count, bytes[index] != separator {
                    field.append(bytes[index])
                    index += 1
                }
            }
            fields.append(TextDecoding.string(field))
            if index >= count { return .fields(fields) }
            index += 1  // the separator
        }
    }

    /// The separator a header line uses: `;`, `,` or tab, whichever occurs most outside quotes
    /// (`,` when there is a tie or none).
    static func detectSeparator(_ header: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, 0x09: 0]
        var quoted = false
        for byte in header {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted, let count = counts[byte] {
                counts[byte] = count + 1
            }
        }
        let comma = counts[UInt8(ascii: ","), default: 0]
        let semicolon = counts[UInt8(ascii: ";"), default: 0]
        let tab = counts[0x09, default: 0]
        if semicolon > comma && semicolon >= tab { return UInt8(ascii: ";") }
        if tab > comma && tab > semicolon { return 0x09 }
        return UInt8(ascii: ",")
    }
}
