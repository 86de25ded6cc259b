import GRDB

/// FTS5's `secure-delete` option on the archive's full-text indexes: a deleted row's entries are
/// removed from the index pages that hold them, so erasure and retention cost what they remove
/// instead of a rewrite of the whole index (FTS5 otherwise keeps them, marked deleted, in older
/// segments until a merge). With `PRAGMA secure_delete` the freed bytes are zeroed.
enum SecureIndexDeletion {
    /// Every full-text index of the archive.
    static let indexes = ["interaction_fts", AttachmentNameIndex.table]

    static let migration = "v6-sqlite14: full-text indexes delete in place (FTS5 secure-delete)"

    /// Turns the option on, then merges each index once: entries deleted before (by earlier
    /// erasures, or by rows updated in place) sit in older segments the option does not reach.
    static func enable(_ db: Database) throws {
        for index in indexes {
            try db.execute(sql: "INSERT INTO \(index) (\(index), rank) VALUES ('secure-delete', 1)")
            try db.execute(sql: "INSERT INTO \(index) (\(index)) VALUES ('optimize')")
        }
    }

    /// Whether every index deletes in place (false for an archive not migrated yet).
    static func isEnabled(_ db: Database) throws -> Bool {
        for index in indexes {
            let value = try Int.fetchOne(db, sql: "SELECT v FROM \(index)_config WHERE k = 'secure-delete'")
            if value != 1 { return false }
        }
        return true
    }
}
