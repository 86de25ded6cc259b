/// Character data and attribute values: UTF-8 with the five predefined entities (`&lt;` `&gt;`
/// `&amp;` `&apos;` `&quot;`) and numeric character references decoded. Any other reference (an
/// entity a DTD would define) is kept as written, never expanded.
enum XMLText {
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&"),
                let semicolon = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")),
                let replacement = reference(bytes[(index + 1)..<semicolon])
            else {
                output.append(byte)
                index += 1
                continue
            }
            output.append(contentsOf: replacement)
            index = semicolon + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The UTF-8 of a reference's name (`amp`, `#228`, `#xE4`); nil when it is not one decoded here.
    private static func reference(_ name: ArraySlice<UInt8>) -> [UInt8]? {
        switch String(decoding: name, as: UTF8.self) {
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "amp": return [UInt8(ascii: "&")]
        case "apos": return [UInt8(ascii: "'")]
        case "quot": return [UInt8(ascii: "\"")]
        case let text where text.hasPrefix("#x") || text.hasPrefix("#X"):
            return scalar(UInt32(text.dropFirst(2), radix: 16))
        case let text where text.hasPrefix("#"):
            return scalar(UInt32(text.dropFirst(), radix: 10))
        default: return nil
        }
    }

    private static func scalar(_ value: UInt32?) -> [UInt8]? {
        guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return Array(String(scalar).utf8)
    }
}
