import Foundation
import GRDB

/// A signed-in browser as stored: never the session id itself, only its SHA-256.
public struct StoredSession: Sendable, Equatable {
    /// SHA-256 of the session id the browser holds.
    public var idHash: [UInt8]
    public var userName: String
    /// Which credentials the session was opened with (a digest of the user's password hash): a
    /// changed password or a removed and re-added user no longer matches it.
    public var credential: String
    public var created: Date
    public var lastSeen: Date

    public init(idHash: [UInt8], userName: String, credential: String, created: Date, lastSeen: Date) {
        self.idHash = idHash
        self.userName = userName
        self.credential = credential
        self.created = created
        self.lastSeen = lastSeen
    }
}

/// The web app's sessions in a small SQLite file of their own beside the archive (mode 0600), so
/// that they survive a restart and their writes never wait for an import's hold on the archive.
public struct SessionFile: Sendable {
    public let path: String
    private let queue: DatabaseQueue

    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "session file \(path): \(reason)" }
    }

    /// Opens the file, creating it owner-only when missing.
    public init(path: String) throws(Failure) {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            if descriptor >= 0 { close(descriptor) }
        }
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS session (
                        id_hash BLOB PRIMARY KEY,
                        user_name TEXT NOT NULL,
                        credential TEXT NOT NULL,
                        created_at REAL NOT NULL,
                        last_seen REAL NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX IF NOT EXISTS session_user ON session (user_name);
                    """)
            }
        } catch {
            throw Failure(path: path, reason: "\(error)")
        }
    }

    public func insert(_ session: StoredSession) throws(Failure) {
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO session (id_hash, user_name, credential, created_at, last_seen) VALUES (?, ?, ?, ?, ?)",
                arguments: [Data(session.idHash), session.userName, session.credential,
                            session.created.timeIntervalSince1970, session.lastSeen.timeIntervalSince1970])
        }
    }

    public func find(idHash: [UInt8]) throws(Failure) -> StoredSession? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM session WHERE id_hash = ?", arguments: [Data(idHash)]).map { row in
                StoredSession(
                    idHash: [UInt8](row["id_hash"] as Data), userName: row["user_name"], credential: row["credential"],
                    created: Date(timeIntervalSince1970: row["created_at"]), lastSeen: Date(timeIntervalSince1970: row["last_seen"]))
            }
        }
    }

    public func touch(idHash: [UInt8], at time: Date) throws(Failure) {
        try write { db in
            try db.execute(
                sql: "UPDATE session SET last_seen = ? WHERE id_hash = ?", arguments: [time.timeIntervalSince1970, Data(idHash)])
        }
    }

    public func delete(idHash: [UInt8]) throws(Failure) {
        try write { db in try db.execute(sql: "DELETE FROM session WHERE id_hash = ?", arguments: [Data(idHash)]) }
    }

    /// Ends every session of a user; returns how many there were.
    @discardableResult
    public func deleteAll(userName: String) throws(Failure) -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM session WHERE user_name = ?", arguments: [userName])
            return db.changesCount
        }
    }

    /// Removes sessions idle since before `idleSince` or opened before `createdSince`.
    public func deleteExpired(idleSince: Date, createdSince: Date) throws(Failure) {
        try write { db in
            try db.execute(
                sql: "DELETE FROM session WHERE last_seen < ? OR created_at < ?",
                arguments: [idleSince.timeIntervalSince1970, createdSince.timeIntervalSince1970])
        }
    }

    public func count() throws(Failure) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM session") ?? 0 }
    }

    private func read<T>(_ body: (Database) throws -> T) throws(Failure) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw Failure(path: path, reason: "\(error)")
        }
    }

    private func write<T>(_ body: (Database) throws -> T) throws(Failure) -> T {
        do {
            return try queue.write(body)
        } catch {
            throw Failure(path: path, reason: "\(error)")
        }
    }
}
