import CFullTextRank
import Foundation
import GRDB

/// One archive: a SQLite file in WAL mode, read concurrently through a pool, written by one writer.
public struct ArchiveStore: Sendable {
    /// The default archive path, `./arkisto.sqlite`.
    public static let defaultPath = "arkisto.sqlite"

    public let path: String
    let pool: DatabasePool

    /// Opens (creating and migrating when needed) the archive at `path`. `tokenizer` applies when
    /// the archive is created; an existing archive keeps the one it was built with.
    ///
    /// `maxSizeBytes` caps the file (SQLite's `max_page_count`, never below its current size): a
    /// write that needs more fails as on a full disk, with ``ArchiveError/isDiskFull`` set.
    public init(path: String, tokenizer: IndexTokenizer = .finnish, maxSizeBytes: Int64? = nil) throws(ArchiveError) {
        self.path = path
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            db.add(tokenizer: FinnishTokenizer.self)
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
            pool = try DatabasePool(path: path, configuration: configuration)
            try Schema.migrator(tokenizer: tokenizer).migrate(pool)
        } catch {
            throw ArchiveError(path: path, underlying: error)
        }
    }

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

    init(path: String, underlying: any Error) {
        self.path = path
        if let error = underlying as? DatabaseError {
            message = error.message ?? "\(error)"
            sqliteCode = error.resultCode.primaryResultCode.rawValue
        } else if let error = underlying as? ArchiveError {
            message = error.message
            sqliteCode = error.sqliteCode
        } else {
            message = "\(underlying)"
            sqliteCode = nil
        }
    }

    public var isDiskFull: Bool { sqliteCode == 13 }

    public var description: String { "archive \(path): \(message)" }
}
