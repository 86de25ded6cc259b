/// Reads `Content-Type` and `Content-Disposition` values (RFC 2045 §5.1, RFC 2183): the leading value
/// and its `name=value` parameters, with RFC 2231 continuations (`name*0=`, `name*1*=`), charsets and
/// languages (`name*=utf-8'fi'%C3%A4`).
struct ParameterizedValue {
    /// The value before the first `;`, lowercased, without white space or comments.
    var value: String
    /// Parameters by lowercased name; continuations joined and decoded. The first of duplicates wins.
    var parameters: [String: String]
    var defects: [Defect]

    init(parsing raw: String) {
        defects = []
        parameters = [:]
        let bytes = Array(raw.utf8)
        var index = 0
        var head: [UInt8] = []
        // White space may stand around the "/" of a media type; other text after the value and white
        // space, before any ";", is a parameter that lost its ";" (`application/pdf name="x.pdf"`).
        var spaceAfterHead = false
        while index < bytes.count && bytes[index] != ASCIIByte.semicolon {
            let byte = bytes[index]
            if byte == ASCIIByte.openParen {
                index = bytes.indexAfterComment(startingAt: index)
                continue
            }
            if ASCIIByte.isWhitespace(byte) {
                spaceAfterHead = !head.isEmpty && head.last != ASCIIByte.slash
            } else if spaceAfterHead && byte != ASCIIByte.slash {
                defects.append(Defect(.malformedHeader, "parameter without \";\" before it"))
                index -= 1  // the parameter loop steps over the ";" it expects here
                break
            } else if byte != ASCIIByte.quote {
                head.append(ASCIIByte.lowercased(byte))
                spaceAfterHead = false
            }
            index += 1
        }
        value = String(decoding: head, as: UTF8.self)

        var sections: [String: [Section]] = [:]
        while index < bytes.count {
            // At a ";" (or stray text): read one parameter.
            index += 1
            while index < bytes.count && (ASCIIByte.isWhitespace(bytes[index]) || bytes[index] == ASCIIByte.semicolon) {
                index += 1
            }
            if index < bytes.count && bytes[index] == ASCIIByte.openParen {
                index = bytes.indexAfterComment(startingAt: index)
                index -= 1
                continue
            }
            let nameStart = index
            while index < bytes.count && bytes[index] != ASCIIByte.equals && bytes[index] != ASCIIByte.semicolon {
                index += 1
            }
            let name = Self.trimmedLowercased(bytes[nameStart..<index])
            guard index < bytes.count, bytes[index] == ASCIIByte.equals else {
                if !name.isEmpty { defects.append(Defect(.malformedHeader, "parameter without a value")) }
                continue
            }
            index += 1
            while index < bytes.count && ASCIIByte.isBlank(bytes[index]) { index += 1 }
            var value: [UInt8] = []
            var quoted = false
            if index < bytes.count && bytes[index] == ASCIIByte.quote {
                quoted = true
                index += 1
                var closed = false
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == ASCIIByte.backslash && index + 1 < bytes.count {
                        value.append(bytes[index + 1])
                        index += 2
                        continue
                    }
                    index += 1
                    if byte == ASCIIByte.quote {
                        closed = true
                        break
                    }
                    value.append(byte)
                }
                if !closed { defects.append(Defect(.malformedHeader, "unterminated quoted parameter value")) }
                // Skip anything up to the next ";".
                while index < bytes.count && bytes[index] != ASCIIByte.semicolon { index += 1 }
            } else {
                let valueStart = index
                var commentStart: Int? = nil
                while index < bytes.count && bytes[index] != ASCIIByte.semicolon {
                    // A comment after the value: "flowed (comment)".
                    if commentStart == nil && bytes[index] == ASCIIByte.openParen && index > valueStart
                        && ASCIIByte.isWhitespace(bytes[index - 1])
                    {
                        commentStart = index
                    }
                    index += 1
                }
                var valueEnd = commentStart ?? index
                while valueEnd > valueStart && ASCIIByte.isWhitespace(bytes[valueEnd - 1]) { valueEnd -= 1 }
                value = Array(bytes[valueStart..<valueEnd])
            }
            if name.isEmpty { continue }
            if let section = Section(name: name, value: value, quoted: quoted) {
                sections[section.base, default: []].append(section)
            } else if parameters[name] == nil {
                parameters[name] = String(decoding: value, as: UTF8.self)
            }
        }
        for (base, parts) in sections {
            parameters[base] = Self.join(parts)
        }
    }

    /// One piece of an RFC 2231 parameter: `base*`, `base*N` or `base*N*`.
    private struct Section {
        var base: String
        var index: Int
        var isEncoded: Bool
        var value: [UInt8]

        init?(name: String, value: [UInt8], quoted: Bool) {
            let bytes = Array(name.utf8)
            guard let star = bytes.firstIndex(of: ASCIIByte.asterisk), star > 0 else { return nil }
            base = String(decoding: bytes[..<star], as: UTF8.self)
            let rest = bytes[(star + 1)...]
            self.value = value
            if rest.isEmpty {
                index = 0
                isEncoded = !quoted || value.contains(ASCIIByte.apostrophe)
                return
            }
            var digits = rest
            isEncoded = false
            if digits.last == ASCIIByte.asterisk {
                isEncoded = true
                digits = digits.dropLast()
            }
            guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(ASCIIByte.isDigit) else { return nil }
            index = digits.reduce(0) { $0 * 10 + Int($1 &- 0x30) }
        }
    }

    /// Joins sections in order and decodes them with the charset named by the first one.
    private static func join(_ sections: [Section]) -> String {
        let ordered = sections.sorted { $0.index < $1.index }
        var charsetName: String? = nil
        var bytes: [UInt8] = []
        for (position, section) in ordered.enumerated() {
            var value = section.value[...]
            if section.isEncoded && position == 0 {
                // charset'language'text
                let quotes = value.indices.filter { value[$0] == ASCIIByte.apostrophe }.prefix(2)
                if quotes.count == 2, let firstQuote = quotes.first, let secondQuote = quotes.last {
                    charsetName = String(decoding: value[value.startIndex..<firstQuote], as: UTF8.self)
                    value = value[(secondQuote + 1)...]
                }
            }
            if section.isEncoded {
                bytes.append(contentsOf: percentDecoded(value))
            } else {
                bytes.append(contentsOf: value)
            }
        }
        return Charset(declared: charsetName).decode(bytes).text
    }

    private static func percentDecoded(_ value: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(value.count)
        var index = value.startIndex
        while index < value.endIndex {
            let byte = value[index]
            if byte == ASCIIByte.percent, index + 2 < value.endIndex,
                let high = ASCIIByte.hexValue(value[index + 1]), let low = ASCIIByte.hexValue(value[index + 2])
            {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }

    private static func trimmedLowercased(_ bytes: ArraySlice<UInt8>) -> String {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end && ASCIIByte.isWhitespace(bytes[start]) { start += 1 }
        while end > start && ASCIIByte.isWhitespace(bytes[end - 1]) { end -= 1 }
        let trimmed = bytes[start..<end]
        if !trimmed.contains(where: { $0 &- 0x41 < 26 }) { return String(decoding: trimmed, as: UTF8.self) }
        return String(decoding: trimmed.map(ASCIIByte.lowercased), as: UTF8.self)
    }
}
