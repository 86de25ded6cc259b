/// A cache key made from a word's UTF-8 bytes as they appear in the text, built without a heap
/// allocation for words up to 24 bytes (nearly all of them).
struct WordKey: Hashable {
    // Equality is synthesised over all fields; hashing mixes the inline words once (cheaper than
    // feeding every field to the hasher separately).
    func hash(into hasher: inout Hasher) {
        hasher.combine(head0 &+ (head1 &* 0x9E37_79B9_7F4A_7C15) ^ (head2 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: count))
        if !tail.isEmpty {
            hasher.combine(tail)
        }
    }

    private var head0: UInt64 = 0
    private var head1: UInt64 = 0
    private var head2: UInt64 = 0
    private var count: Int
    /// Bytes after the first 24; empty (and unallocated) for short words.
    private var tail: [UInt8] = []

    private static let inlineCapacity = 24

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        count = bytes.count
        var head: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let inlineCount = min(bytes.count, Self.inlineCapacity)
        if inlineCount > 0, let base = bytes.baseAddress {
            withUnsafeMutableBytes(of: &head) { raw in
                raw.copyMemory(from: UnsafeRawBufferPointer(start: base, count: inlineCount))
            }
        }
        (head0, head1, head2) = head
        if bytes.count > Self.inlineCapacity {
            tail = Array(bytes[Self.inlineCapacity...])
        }
    }
}
