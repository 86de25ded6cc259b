/// Little-endian integers read at checked offsets of a byte array: every read says nil past the
/// end instead of trapping, so a hostile archive's offsets cannot read out of bounds.
struct ByteReader {
    let bytes: [UInt8]

    func uint16(at offset: Int) -> Int? {
        guard offset >= 0, offset <= bytes.count - 2 else { return nil }
        return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
    }

    func uint32(at offset: Int) -> Int? {
        guard offset >= 0, offset <= bytes.count - 4 else { return nil }
        return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
    }

    /// An unsigned 64-bit value; nil past the end or above `Int.max`.
    func uint64(at offset: Int) -> Int? {
        guard let low = uint32(at: offset), let high = uint32(at: offset + 4), high < 0x8000_0000 else { return nil }
        return high << 32 | low
    }

    /// `count` bytes from `offset`; nil when they do not all lie inside.
    func slice(at offset: Int, count: Int) -> ArraySlice<UInt8>? {
        guard offset >= 0, count >= 0, offset <= bytes.count, count <= bytes.count - offset else { return nil }
        return bytes[offset..<(offset + count)]
    }
}
