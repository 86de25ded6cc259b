import CFullTextRank
import Foundation
import GRDB

/// One archive: a SQLite file in WAL mode, read concurrently through a pool, written by one
/// writer, and beside it the audit log's own database (``AuditDatabase``).
public struct ArchiveStore: Sendable {
    /// The default archive path, `./arkisto.sqlite`.
    public static let defaultPath = "arkisto.sqlite"

    public let path: String
    let pool: DatabasePool
    let auditLog: AuditDatabase

    /// Opens (creating and migrating when needed) the archive at `path`. `tokenizer` applies when
    /// the archive is created; an existing archive keeps the one it was built with.
    ///
    /// `maxSizeBytes` caps the file (SQLite's `max_page_count`, never below its current size): a
    /// write that needs more fails as on a full disk, with ``ArchiveError/isDiskFull`` set.
    ///
    /// A new archive and its audit database are created 0600 (SQLite gives their `-wal` and
    /// `-shm` the same permissions). Creation and migration run under an exclusive lock
    /// (``CreationLock``), so processes opening a new archive at once create its schema once.
    /// `auditKeyPath` defaults to ``ArchiveFiles/auditKey``.
    public init(
        path: String, tokenizer: IndexTokenizer = .finnish, maxSizeBytes: Int64? = nil, auditKeyPath: String? = nil
    ) throws(ArchiveError) {
        self.path = path
        let files = ArchiveFiles(archive: path)
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try SQLiteRequirement.check()
            db.add(tokenizer: FinnishTokenizer.self)
            // Lowercases any letter, not only ASCII as SQLite's `lower` does (``SearchCondition/participant(role:value:)``).
            db.add(function: .lowercase)
            db.add(tokenizer: SnowballTokenizer.self)
            let status = ResultCode(rawValue: arkisto_rank_register(UnsafeMutableRawPointer(mutating: FTS5.api(db))))
            guard status == .SQLITE_OK else {
                throw DatabaseError(resultCode: status, message: "cannot register the ranking function arkisto_bm25")
            }
            // WAL with synchronous=NORMAL: a crash or power loss can lose the last transactions but
            // never corrupts the file; an interrupted import is completed by running it again.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            if !db.configuration.readonly {
                // The one writer keeps the hot pages of the indexes it inserts into (digests,
                // references, full-text segments) in memory: 16 MiB instead of SQLite's 2 MiB.
                // 64 MiB imported no faster (the random-key index pages are written out at each
                // commit whatever the cache) and cost 57 MiB more on the large benchmark corpus.
                try db.execute(sql: "PRAGMA cache_size = -16384")
            }
            if let maxSizeBytes {
                let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                try db.execute(sql: "PRAGMA max_page_count = \(max(maxSizeBytes / max(pageSize, 512), 1))")
            }
        }
        configuration.busyMode = .timeout(30)
        do {
            (pool, auditLog) = try CreationLock.holding(files.creationLock) {
                try SecureFiles.createEmptyFile(at: path)
                let pool = try DatabasePool(path: path, configuration: configuration)
                let auditLog = try AuditDatabase(path: files.auditDatabase, keyPath: auditKeyPath ?? files.auditKey)
                let migrator = Schema.migrator(tokenizer: tokenizer)
                if try !pool.read(migrator.hasCompletedMigrations) {
                    try LegacyAuditLog.move(from: pool, to: auditLog)
                    try migrator.migrate(pool)
                }
                return (pool, auditLog)
            }
        } catch {
            throw ArchiveError(path: path, underlying: error)
        }
    }

    /// The files of this archive.
    public var files: ArchiveFiles { ArchiveFiles(archive: path) }

    func read<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw ArchiveError(path: path, underlying: error)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw ArchiveError(path: path, underlying: error)
        }
    }
}

/// A failure of the archive file itself (open, migrate, read, write), with the file named.
public struct ArchiveError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    /// SQLite's primary result code when the failure came from SQLite (13 = SQLITE_FULL).
    public var sqliteCode: Int32?

    init(path: String, message: String) {
        self.path = path
        self.message = message
        sqliteCode = nil
    }

    init(path: String, underlying: any Error) {
        self.path = path
        if let error = underlying as? DatabaseError {
            sqliteCode = error.resultCode.primaryResultCode.rawValue
            message = Self.explain(error)
        } else if let error = underlying as? ArchiveError {
            self.path = error.path
            message = error.message
            sqliteCode = error.sqliteCode
        } else {
            message = "\(underlying)"
            sqliteCode = nil
        }
    }

    public var isDiskFull: Bool { sqliteCode == 13 }

    /// Whether another process kept the file locked for longer than the wait (SQLITE_BUSY, SQLITE_LOCKED).
    public var isBusy: Bool { sqliteCode == 5 || sqliteCode == 6 }

    /// SQLite's message, except for a lock held too long, which it words as `database is locked`.
    private static func explain(_ error: DatabaseError) -> String {
        let primary = error.resultCode.primaryResultCode
        guard primary == .SQLITE_BUSY || primary == .SQLITE_LOCKED else { return error.message ?? "\(error)" }
        return "the file is busy: another process (an import, an erasure, a backup) kept it locked for longer than "
            + "the 30 s this one waits; try again when that finishes"
    }

    public var description: String { "archive \(path): \(message)" }
}
