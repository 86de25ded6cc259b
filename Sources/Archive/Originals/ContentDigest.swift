import CCrypto

/// The SHA-256 of some bytes: how originals are identified and verified.
public struct ContentDigest: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(of data: [UInt8]) {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        data.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                _ = SHA256(input.baseAddress, input.count, output.baseAddress)
            }
        }
        bytes = digest
    }

    /// A digest read back from storage; nil unless it has exactly 32 bytes.
    public init?(storedBytes: [UInt8]) {
        guard storedBytes.count == Int(SHA256_DIGEST_LENGTH) else { return nil }
        bytes = storedBytes
    }

    /// Lowercase hexadecimal, as `sha256sum` prints it.
    public var hex: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { hex }
}
