import CCrypto

/// Random bytes from OpenSSL's CSPRNG.
enum SecureRandom {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "the system's random number generator failed" }
    }

    static func bytes(_ count: Int) throws(Failure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let ok = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        guard ok == 1 else { throw Failure() }
        return bytes
    }

    /// `count` random bytes as unpadded base64url, for ids and tokens in cookies, forms and headers.
    static func token(_ count: Int = 32) throws(Failure) -> String {
        Base64URL.encode(try bytes(count))
    }
}
