/// The files that make up one archive, all beside its SQLite file. The keys and the erasure
/// journal live outside the databases so that a copy of a database alone is useless to forge the
/// audit chain or to bring back erased data.
public struct ArchiveFiles: Sendable, Equatable {
    /// The archive's SQLite file.
    public var archive: String

    public init(archive: String) {
        self.archive = archive
    }

    /// The audit log's own SQLite database.
    public var auditDatabase: String { archive + ".audit" }
    /// The key that chains the audit log.
    public var auditKey: String { archive + ".auditkey" }
    /// The key with which personal identity codes are hashed (created by imports).
    public var personalIDKey: String { archive + ".pidkey" }
    /// Erasures and retention runs, as digests and keyed hashes, re-applied after a restore.
    public var erasureJournal: String { archive + ".erasures" }
    /// Held while the schema is created or migrated.
    public var creationLock: String { archive + ".lock" }
    /// Held by the one process that runs the archive's capture sources (`sync`, `watch`, `serve`).
    public var captureLock: String { archive + ".capture.lock" }
    /// The folder (0700) where capture keeps what it stages: an IMAP source's mirrored Maildir.
    public var captureFolder: String { archive + ".capture" }

    /// A SQLite file and the write-ahead log and shared-memory files SQLite keeps beside it.
    public static func withSQLiteCompanions(_ path: String) -> [String] {
        [path, path + "-wal", path + "-shm"]
    }

    /// Every file that holds personal data or a secret, whether it exists or not.
    public var sensitiveFiles: [String] {
        Self.withSQLiteCompanions(archive) + Self.withSQLiteCompanions(auditDatabase)
            + [auditKey, personalIDKey, erasureJournal, creationLock, captureLock, captureFolder]
    }
}
