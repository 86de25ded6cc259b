import Archive
import Foundation

/// An API token as stored: its public id and a salted SHA-256 of the whole token,
/// `sha256$SALT$HASH`. A token is 32 random bytes, so one hash round is as strong as any stretching.
///
/// Tokens are written `ark_ID_SECRET` (ID in hex, SECRET 32 random bytes in base64url): the id
/// finds the stored hash, the whole token is checked against it.
public struct APIToken: Sendable, Codable, Equatable {
    public var id: String
    public var hash: String
    public var createdAt: String

    enum CodingKeys: String, CodingKey { case id, hash, createdAt = "created_at" }

    static let prefix = "ark_"

    /// A new token: what to show once, and what to store.
    static func issue(now: Date = Date()) throws(SecureRandom.Failure) -> (token: String, stored: APIToken) {
        let id = try SecureRandom.bytes(9).map { String(format: "%02x", $0) }.joined()
        let token = prefix + id + "_" + (try SecureRandom.token(32))
        let salt = try SecureRandom.bytes(16)
        return (token, APIToken(id: id, hash: Self.hash(token, salt: salt), createdAt: Timestamp.format(now)))
    }

    /// The id part of a presented token, nil when it is not shaped like one.
    static func id(of token: String) -> String? {
        guard token.hasPrefix(prefix) else { return nil }
        let rest = token.dropFirst(prefix.count)
        guard let separator = rest.firstIndex(of: "_") else { return nil }
        let id = String(rest[..<separator])
        return id.isEmpty ? nil : id
    }

    /// Whether `token` is this one (constant-time comparison of the hashes).
    func matches(_ token: String) -> Bool {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "sha256", let salt = Data(base64Encoded: String(parts[1])) else { return false }
        return ConstantTime.equal(Self.hash(token, salt: [UInt8](salt)), hash)
    }

    private static func hash(_ token: String, salt: [UInt8]) -> String {
        let digest = ContentDigest(of: salt + Array(token.utf8))
        return "sha256$\(Data(salt).base64EncodedString())$\(Data(digest.bytes).base64EncodedString())"
    }
}
