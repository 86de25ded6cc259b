import CCrypto
import Foundation

/// A salted password hash: PBKDF2-HMAC-SHA256 with a random 16-byte salt, written
/// `pbkdf2-sha256$ITERATIONS$SALT$HASH` (salt and hash in standard base64), so that the
/// iteration count can be raised later without invalidating stored hashes.
public struct PasswordHash: Sendable, Equatable {
    public static let defaultIterations = 210_000
    static let scheme = "pbkdf2-sha256"
    static let saltBytes = 16
    static let hashBytes = 32

    public var iterations: Int
    var salt: [UInt8]
    var hash: [UInt8]

    public enum Failure: Error, CustomStringConvertible {
        case malformed
        case crypto

        public var description: String {
            switch self {
            case .malformed: "not a pbkdf2-sha256 password hash"
            case .crypto: "PBKDF2 failed"
            }
        }
    }

    /// Hashes a new password with a fresh salt.
    public static func make(password: String, iterations: Int = defaultIterations) throws(Failure) -> PasswordHash {
        let salt: [UInt8]
        do {
            salt = try SecureRandom.bytes(saltBytes)
        } catch {
            throw .crypto
        }
        return PasswordHash(iterations: iterations, salt: salt, hash: try derive(password, salt: salt, iterations: iterations))
    }

    /// Reads a stored hash.
    public init(stored: String) throws(Failure) {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == Self.scheme, let iterations = Int(parts[1]), iterations >= 1,
              iterations <= 10_000_000,
              let salt = Data(base64Encoded: String(parts[2])), let hash = Data(base64Encoded: String(parts[3])),
              salt.count >= 8, hash.count == Self.hashBytes
        else { throw .malformed }
        self.init(iterations: iterations, salt: [UInt8](salt), hash: [UInt8](hash))
    }

    init(iterations: Int, salt: [UInt8], hash: [UInt8]) {
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    /// The form kept in the users file.
    public var stored: String {
        "\(Self.scheme)$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
    }

    /// Whether `password` is the one hashed (constant-time comparison).
    public func matches(_ password: String) -> Bool {
        guard let candidate = try? Self.derive(password, salt: salt, iterations: iterations) else { return false }
        return ConstantTime.equal(candidate, hash)
    }

    static func derive(_ password: String, salt: [UInt8], iterations: Int) throws(Failure) -> [UInt8] {
        let length = Int32(password.utf8.count)
        var out = [UInt8](repeating: 0, count: hashBytes)
        let ok = password.withCString { chars in
            salt.withUnsafeBufferPointer { s in
                out.withUnsafeMutableBufferPointer { o in
                    PKCS5_PBKDF2_HMAC(
                        chars, length, s.baseAddress, Int32(s.count), Int32(iterations), EVP_sha256(), Int32(o.count),
                        o.baseAddress)
                }
            }
        }
        guard ok == 1 else { throw .crypto }
        return out
    }
}
