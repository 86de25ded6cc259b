import Foundation

/// The sign-in form's CSRF token: issued by this server, not merely echoed. A token is a random
/// nonce and an expiry tagged with HMAC-SHA256 under a key the server draws at start; the form
/// field and the pre-session cookie must both carry the same valid token, so a script has to
/// fetch the form first and a cross-site post cannot supply one at all.
struct SignInTokens: Sendable {
    let key: [UInt8]
    let lifetime: TimeInterval

    init(lifetime: TimeInterval = 3600) throws(SecureRandom.Failure) {
        key = try SecureRandom.bytes(32)
        self.lifetime = lifetime
    }

    func issue(now: Date = Date()) throws(SecureRandom.Failure) -> String {
        let expiry = UInt64(now.addingTimeInterval(lifetime).timeIntervalSince1970)
        let body = try SecureRandom.bytes(16) + (0..<8).map { UInt8(truncatingIfNeeded: expiry >> (56 - 8 * $0)) }
        return Base64URL.encode(body + tag(body))
    }

    /// Whether the form's token is one this server issued, unexpired, and the cookie's too.
    func accepts(form: String?, cookie: String?, now: Date = Date()) -> Bool {
        // Only the canonical spelling: base64's last character carries two bits the decoder drops,
        // so four spellings would decode to the same token.
        guard let form, let cookie, ConstantTime.equal(form, cookie), let bytes = Base64URL.decode(form), bytes.count == 56,
              Base64URL.encode(bytes) == form
        else { return false }
        let body = Array(bytes[..<24])
        guard ConstantTime.equal(Array(bytes[24...]), tag(body)) else { return false }
        let expiry = body[16..<24].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Double(expiry) > now.timeIntervalSince1970
    }

    private func tag(_ body: [UInt8]) -> [UInt8] {
        KeyedDigest.hmacSHA256(key: key, Array("arkisto-sign-in".utf8) + body)
    }
}
