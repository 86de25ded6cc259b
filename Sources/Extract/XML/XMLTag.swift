/// The inside of a start tag: `w:t xml:space="preserve"` → name and attributes.
enum XMLTag {
    static func parse(_ inside: ArraySlice<UInt8>) -> XMLStartTag {
        var index = inside.startIndex
        let end = inside.endIndex
        func skipSpace() { while index < end, isSpace(inside[index]) { index += 1 } }
        func name() -> String {
            let start = index
            while index < end, !isSpace(inside[index]), inside[index] != UInt8(ascii: "=") { index += 1 }
            return String(decoding: inside[start..<index], as: UTF8.self)
        }
        skipSpace()
        let elementName = name()
        var attributes: [(name: String, value: String)] = []
        while true {
            skipSpace()
            guard index < end else { break }
            let attributeName = name()
            skipSpace()
            guard index < end, inside[index] == UInt8(ascii: "=") else {
                if attributeName.isEmpty { index += 1 }
                continue
            }
            index += 1
            skipSpace()
            guard index < end else { break }
            let quote = inside[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
            index += 1
            let valueStart = index
            while index < end, inside[index] != quote { index += 1 }
            attributes.append((attributeName, XMLText.decode(inside[valueStart..<index])))
            index = min(end, index + 1)
        }
        return XMLStartTag(name: elementName, attributes: attributes)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
