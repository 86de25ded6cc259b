import Foundation

/// The users file as the server sees it: read at start and again whenever the file changes, so
/// that `arkisto users add|token` take effect without a restart.
actor UserDirectory {
    let path: String
    private var file: UsersFile
    private var modified: Date?

    init(path: String) throws(UsersFile.Failure) {
        self.path = path
        file = try UsersFile.load(path: path)
        modified = Self.modificationDate(path)
    }

    /// For tests: users given directly, never reloaded.
    init(users: UsersFile) {
        path = ""
        file = users
        modified = nil
    }

    /// What a password must be checked against: the user and their hash, or (for an unknown
    /// name or a user without a password) no user and a decoy hash, so that checking takes the
    /// same time either way. The hashing itself happens outside this actor (``SignInService``).
    func credentials(name: String) -> (user: UserAccount?, hash: PasswordHash) {
        refresh()
        guard let user = file.user(named: name), let stored = user.passwordHash,
              let hash = try? PasswordHash(stored: stored)
        else { return (nil, Self.decoy) }
        return (user, hash)
    }

    /// The user holding an API token.
    func user(token: String) -> UserAccount? {
        refresh()
        guard let id = APIToken.id(of: token) else { return nil }
        for user in file.users {
            if let stored = user.tokens.first(where: { $0.id == id }), stored.matches(token) { return user }
        }
        return nil
    }

    func user(named name: String) -> UserAccount? {
        refresh()
        return file.user(named: name)
    }

    private func refresh() {
        guard !path.isEmpty else { return }
        let now = Self.modificationDate(path)
        guard now != modified else { return }
        if let reloaded = try? UsersFile.load(path: path) {
            file = reloaded
            modified = now
        }
    }

    private static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    private static let decoy = PasswordHash(
        iterations: PasswordHash.defaultIterations, salt: Array(repeating: 0, count: 16), hash: Array(repeating: 0, count: 32))
}
