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

    /// The user, when the name and password match.
    func verify(name: String, password: String) -> UserAccount? {
        refresh()
        guard let user = file.user(named: name), let stored = user.passwordHash,
              let hash = try? PasswordHash(stored: stored)
        else {
            // Spend the same time whether or not the user exists.
            _ = Self.decoy.matches(password)
            return nil
        }
        return hash.matches(password) ? user : nil
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
