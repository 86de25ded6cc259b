import Foundation

/// One user of the web app and the API, as the users file holds them.
public struct UserAccount: Sendable, Codable, Equatable {
    public var name: String
    public var role: Role
    /// `pbkdf2-sha256$…`; nil for a user who signs in only with API tokens.
    public var passwordHash: String?
    public var tokens: [APIToken]

    enum CodingKeys: String, CodingKey { case name, role, passwordHash = "password_hash", tokens }

    public init(name: String, role: Role, passwordHash: String?, tokens: [APIToken] = []) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.tokens = tokens
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        role = try container.decode(Role.self, forKey: .role)
        passwordHash = try container.decodeIfPresent(String.self, forKey: .passwordHash)
        tokens = try container.decodeIfPresent([APIToken].self, forKey: .tokens) ?? []
    }

    /// User names are short and plain, so that they read unambiguously in the audit log.
    public static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.count)
            && name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.nameCharacters.contains($0)) }
    }
}

extension CharacterSet {
    fileprivate static let nameCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789._-")
}

extension UserAccount {
    /// A digest of the user's password hash (whose salt is new at every `users add`): sessions
    /// opened before a password change, or before the user was removed and added again, no
    /// longer match it.
    var credentialStamp: String {
        Base64URL.encode(KeyedDigest.sha256(Array("\(name)\n\(passwordHash ?? "")".utf8)))
    }
}
