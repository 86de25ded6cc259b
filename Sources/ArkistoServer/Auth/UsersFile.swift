import Foundation

/// The users file (JSON): users, their roles, salted password hashes and API token hashes. Written
/// owner-readable only (0600); never holds a password or a token in clear.
public struct UsersFile: Sendable, Codable, Equatable {
    public var users: [UserAccount]

    public init(users: [UserAccount] = []) {
        self.users = users
    }

    public enum Failure: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case unwritable(path: String, reason: String)
        case invalidName(String)
        case unknownUser(String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "cannot read the users file \(path): \(reason)"
            case .unwritable(let path, let reason): "cannot write the users file \(path): \(reason)"
            case .invalidName(let name):
                "'\(name)' is not a valid user name: use 1–64 of a–z, 0–9, '.', '_' and '-'"
            case .unknownUser(let name): "no user '\(name)' in the users file"
            }
        }
    }

    /// The default path: `$ARKISTO_USERS`, else `./arkisto-users.json`.
    public static var defaultPath: String {
        ProcessInfo.processInfo.environment["ARKISTO_USERS"] ?? "arkisto-users.json"
    }

    /// Reads the file; a missing file is an empty one.
    public static func load(path: String) throws(Failure) -> UsersFile {
        guard FileManager.default.fileExists(atPath: path) else { return UsersFile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        do {
            return try JSONDecoder().decode(UsersFile.self, from: data)
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    /// Writes the file atomically with mode 0600.
    public func save(path: String) throws(Failure) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            let data = try encoder.encode(self) + Data("\n".utf8)
            guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600])
            else { throw CocoaError(.fileWriteNoPermission) }
            if rename(temporary.path, url.path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(path: path, reason: "\(error)")
        }
    }

    public func user(named name: String) -> UserAccount? {
        users.first { $0.name == name }
    }

    /// Adds a user, or replaces the role and password of an existing one (keeping their tokens).
    /// Returns whether the user is new.
    @discardableResult
    public mutating func setUser(name: String, role: Role, passwordHash: PasswordHash) throws(Failure) -> Bool {
        guard UserAccount.isValidName(name) else { throw .invalidName(name) }
        if let index = users.firstIndex(where: { $0.name == name }) {
            users[index].role = role
            users[index].passwordHash = passwordHash.stored
            return false
        }
        users.append(UserAccount(name: name, role: role, passwordHash: passwordHash.stored))
        return true
    }

    /// Issues a new API token for a user: returns the token, to be shown once; only its hash is kept.
    public mutating func issueToken(for name: String, now: Date = Date()) throws -> String {
        guard let index = users.firstIndex(where: { $0.name == name }) else { throw Failure.unknownUser(name) }
        let (token, stored) = try APIToken.issue(now: now)
        users[index].tokens.append(stored)
        return token
    }
}

extension UsersFile {
    /// Revokes a user's API tokens: all of them, or only the one with `id`. Returns how many.
    @discardableResult
    public mutating func revokeTokens(of name: String, id: String? = nil) throws(Failure) -> Int {
        guard let index = users.firstIndex(where: { $0.name == name }) else { throw .unknownUser(name) }
        let before = users[index].tokens.count
        users[index].tokens.removeAll { id == nil || $0.id == id }
        return before - users[index].tokens.count
    }

    /// Removes a user with their password and tokens.
    public mutating func removeUser(named name: String) throws(Failure) {
        guard let index = users.firstIndex(where: { $0.name == name }) else { throw .unknownUser(name) }
        users.remove(at: index)
    }
}
