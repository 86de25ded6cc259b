/// The terms of one word packed into a single byte array (`length₀ bytes₀ length₁ bytes₁ ...`, each
/// length two bytes little-endian), so that a cached word costs one allocation and emitting its
/// terms to an FTS5 tokenizer creates no strings at all.
struct PackedTerms {
    private let storage: [UInt8]

    /// Longer terms are cut (at a character boundary); only garbage tokens get that long.
    static let maximumTermLength = Int(UInt16.max)

    init(_ terms: [String]) {
        var storage: [UInt8] = []
        storage.reserveCapacity(terms.reduce(0) { $0 + 2 + $1.utf8.count })
        for term in terms {
            var bytes = Array(term.utf8)
            if bytes.count > Self.maximumTermLength {
                var end = Self.maximumTermLength
                while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a character
                bytes.removeSubrange(end...)
            }
            storage.append(UInt8(truncatingIfNeeded: bytes.count))
            storage.append(UInt8(truncatingIfNeeded: bytes.count >> 8))
            storage.append(contentsOf: bytes)
        }
        self.storage = storage
    }

    /// Calls `body` with each term's UTF-8 bytes, in order; `isFirst` for the surface form.
    func forEach(_ body: (_ term: UnsafeBufferPointer<UInt8>, _ isFirst: Bool) -> Void) {
        storage.withUnsafeBufferPointer { buffer in
            var offset = 0
            var isFirst = true
            while offset + 2 <= buffer.count {
                let length = Int(buffer[offset]) | Int(buffer[offset + 1]) << 8
                offset += 2
                body(UnsafeBufferPointer(rebasing: buffer[offset..<offset + length]), isFirst)
                offset += length
                isFirst = false
            }
        }
    }

    var terms: [String] {
        var terms: [String] = []
        forEach { bytes, _ in terms.append(String(decoding: bytes, as: UTF8.self)) }
        return terms
    }
}
