import CZstd

/// How an original's bytes are stored.
public enum StoredCompression: String, Sendable, Codable {
    case none
    case zstd
}

/// An error reading back a stored original.
public struct CorruptOriginal: Error, CustomStringConvertible, Sendable {
    public var reason: String
    public var description: String { "corrupt original: \(reason)" }
}

enum Zstd {
    /// Level 3 is zstd's default: fast enough to stay out of the import's way, about 3-4x on mail.
    static let level: Int32 = 3

    static func compress(_ input: [UInt8]) -> [UInt8] {
        let bound = ZSTD_compressBound(input.count)
        var output = [UInt8](repeating: 0, count: bound)
        let written = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                ZSTD_compress(target.baseAddress, target.count, source.baseAddress, source.count, level)
            }
        }
        // Compression of a buffer sized by ZSTD_compressBound cannot fail; keep a defensive path anyway.
        guard ZSTD_isError(written) == 0 else { return [] }
        output.removeSubrange(written...)
        return output
    }

    static func decompress(_ input: [UInt8], expectedSize: Int) throws(CorruptOriginal) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: expectedSize)
        let written = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                ZSTD_decompress(target.baseAddress, target.count, source.baseAddress, source.count)
            }
        }
        if ZSTD_isError(written) != 0 {
            throw CorruptOriginal(reason: String(cString: ZSTD_getErrorName(written)))
        }
        guard written == expectedSize else {
            throw CorruptOriginal(reason: "decompressed to \(written) bytes, expected \(expectedSize)")
        }
        return output
    }
}

/// Bytes ready to store: compressed when that saves space, with the choice recorded.
struct StoredBytes: Sendable {
    var compression: StoredCompression
    var data: [UInt8]
    var size: Int

    init(packing raw: [UInt8]) {
        size = raw.count
        let packed = raw.count >= 64 ? Zstd.compress(raw) : []
        if !packed.isEmpty && packed.count < raw.count {
            compression = .zstd
            data = packed
        } else {
            compression = .none
            data = raw
        }
    }

    init(compression: StoredCompression, data: [UInt8], size: Int) {
        self.compression = compression
        self.data = data
        self.size = size
    }

    func unpacked() throws(CorruptOriginal) -> [UInt8] {
        switch compression {
        case .none: data
        case .zstd: try Zstd.decompress(data, expectedSize: size)
        }
    }
}
