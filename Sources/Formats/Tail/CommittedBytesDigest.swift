import FileInput

/// A fingerprint of the bytes of a file already read: its first and its last 4 KiB before the
/// offset reached (all of them when fewer). Bytes already appended to a log never change, so a
/// different fingerprint means the file was rewritten, whatever its size now.
///
/// Both ends are sampled: the start alone misses an export regenerated with the same first records,
/// and 8 KiB are two reads, however large the file. FNV-1a (64 bits) tells an accidental rewrite
/// from the same bytes; it is not meant to resist a forger (who could also just edit the archive's
/// source folder).
enum CommittedBytesDigest {
    static let windowBytes = 4096

    /// The fingerprint of `file`'s bytes before `offset`, or the read error.
    static func of(_ file: ReadOnlyFile, before offset: Int64) -> Result<String, SystemError> {
        let headCount = Int(min(offset, Int64(windowBytes)))
        let tailStart = max(offset - Int64(windowBytes), 0)
        let tailCount = Int(offset - tailStart)
        let head: [UInt8], tail: [UInt8]
        switch file.bytes(at: 0, count: headCount) {
        case .success(let bytes): head = bytes
        case .failure(let error): return .failure(error)
        }
        switch file.bytes(at: tailStart, count: tailCount) {
        case .success(let bytes): tail = bytes
        case .failure(let error): return .failure(error)
        }
        // Fewer bytes than asked: the file is shorter than `offset` now; the lengths go into the hash.
        var hash = FNV1a64()
        hash.add(UInt64(head.count))
        hash.add(head)
        hash.add(UInt64(tail.count))
        hash.add(tail)
        return .success(hash.hex)
    }
}

/// The 64-bit FNV-1a hash.
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: [UInt8]) {
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
    }

    mutating func add(_ number: UInt64) {
        add((0..<8).map { UInt8(truncatingIfNeeded: number >> ($0 * 8)) })
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
