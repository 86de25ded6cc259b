#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fast searches in a byte buffer through the C library (`memchr`, `memcmp`).
enum ByteSearch {
    /// The offset of the first `byte` in `from..<end`, or nil.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int? {
        guard from < end, let base = buffer.baseAddress else { return nil }
        guard let found = memchr(base + from, Int32(byte), end - from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset of the first occurrence of `needle` in `from..<end`, or nil.
    static func firstIndex(
        of needle: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int
    ) -> Int? {
        guard from < end, let base = buffer.baseAddress, let needleBase = needle.baseAddress,
            !needle.isEmpty, end - from >= needle.count
        else { return nil }
        let first = Int32(needleBase[0])
        let lastStart = end - needle.count
        var position = from
        while position <= lastStart {
            guard let found = memchr(base + position, first, lastStart - position + 1) else { return nil }
            let candidate = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if needle.count == 1
                || (base[candidate + 1] == needleBase[1]
                    && memcmp(base + candidate + 1, needleBase + 1, needle.count - 1) == 0)
            {
                return candidate
            }
            position = candidate + 1
        }
        return nil
    }
}

extension String {
    /// Whether the UTF-8 form of this string contains `byte` (memchr on native strings).
    func utf8Contains(_ byte: UInt8) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ buffer in
            ByteSearch.firstIndex(of: byte, in: buffer, from: 0, end: buffer.count) != nil
        }) {
            return found
        }
        return utf8.contains(byte)
    }
}
