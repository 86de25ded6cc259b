/// Windows-1252 (and its sibling ISO-8859-15), the de-facto meaning of "iso-8859-1" and of undeclared 8-bit text in mail (as in the
/// WHATWG Encoding Standard). Decoded in Swift because it is by far the most common legacy charset.
enum Windows1252 {
    /// Code points of bytes 0x80...0x9F; the five bytes Windows leaves undefined map to the C1 controls.
    private static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        decode(bytes, high: high, latin9: false)
    }

    /// ISO-8859-15: Latin-1 with eight code points replaced (€ at 0xA4, Š š Ž ž Œ œ Ÿ).
    static func decodeLatin9(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        decode(bytes, high: latin1High, latin9: true)
    }

    /// Bytes 0x80...0x9F of ISO-8859-x: the C1 controls.
    private static let latin1High: [UInt16] = (0x80...0x9F).map { UInt16($0) }

    @inline(__always)
    private static func latin9Scalar(_ byte: UInt8) -> UInt32 {
        switch byte {
        case 0xA4: 0x20AC
        case 0xA6: 0x0160
        case 0xA8: 0x0161
        case 0xB4: 0x017D
        case 0xB8: 0x017E
        case 0xBC: 0x0152
        case 0xBD: 0x0153
        case 0xBE: 0x0178
        default: UInt32(byte)
        }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, high: [UInt16], latin9: Bool) -> String {
        if bytes.isEmpty { return "" }
        return high.withUnsafeBufferPointer { high in
            String(unsafeUninitializedCapacity: bytes.count * 3) { output in
                var written = 0
                for byte in bytes {
                    if byte < 0x80 {
                        output[written] = byte
                        written += 1
                        continue
                    }
                    let scalar =
                        byte < 0xA0 ? UInt32(high[Int(byte &- 0x80)]) : latin9 ? latin9Scalar(byte) : UInt32(byte)
                    if scalar < 0x800 {
                        output[written] = UInt8(0xC0 | (scalar >> 6))
                        output[written + 1] = UInt8(0x80 | (scalar & 0x3F))
                        written += 2
                    } else {
                        output[written] = UInt8(0xE0 | (scalar >> 12))
                        output[written + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                        output[written + 2] = UInt8(0x80 | (scalar & 0x3F))
                        written += 3
                    }
                }
                return written
            }
        }
    }
}
