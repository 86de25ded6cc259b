/// HMAC-SHA256 (RFC 2104) over the archive's SHA-256 (`ContentDigest`, libcrypto underneath).
///
/// The padded keys are computed once, so hashing many values with one key costs two SHA-256 runs.
public struct HMACSHA256: Sendable {
    private static let blockSize = 64

    private let innerPad: [UInt8]
    private let outerPad: [UInt8]

    public init(key: [UInt8]) {
        var block = key.count > Self.blockSize ? ContentDigest(of: key).bytes : key
        block += [UInt8](repeating: 0, count: Self.blockSize - block.count)
        innerPad = block.map { $0 ^ 0x36 }
        outerPad = block.map { $0 ^ 0x5C }
    }

    /// The authentication code of `message`.
    public func code(for message: [UInt8]) -> ContentDigest {
        let inner = ContentDigest(of: innerPad + message)
        return ContentDigest(of: outerPad + inner.bytes)
    }
}
