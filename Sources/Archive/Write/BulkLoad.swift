import GRDB

/// Full-text index settings for a long run of batch writes.
///
/// Every batch transaction adds one segment to the FTS5 index; by default FTS5 merges segments as
/// soon as four share a level, so a large import rewrites its index many times. While loading,
/// merges wait for more segments (fewer, larger merges); at the end the standard setting is back
/// and the left-over segments are merged into the shape it keeps, so searches stay fast. If an
/// import is killed in between, the loading setting stays until the next import finishes: it
/// changes speed, never content.
extension ArchiveStore {
    /// Segments per level before FTS5 merges them, while loading.
    static let bulkAutomerge = 16
    /// FTS5's default.
    static let standardAutomerge = 4

    /// Pages the write-ahead log may hold before the writer copies it into the file, while loading
    /// (SQLite's default is 1,000): fewer checkpoints, each copying once the index pages that the
    /// next batches would change again. The setting belongs to the writer's connection.
    static let bulkAutocheckpoint = 16_384
    static let standardAutocheckpoint = 1_000

    public func beginBulkLoad() throws(ArchiveError) {
        try write { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.bulkAutocheckpoint)")
            try Self.setFullTextOption(db, "automerge", Self.bulkAutomerge)
            try Self.setFullTextOption(db, "crisismerge", 4 * Self.bulkAutomerge)
        }
    }

    /// Restores the standard merge settings, merges what the load left (in steps of
    /// `pagesPerStep` pages, one transaction each, so an interruption loses at most one step),
    /// and truncates the write-ahead log.
    public func finishBulkLoad(pagesPerStep: Int = 2_000) throws(ArchiveError) {
        try write { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.standardAutocheckpoint)")
            try Self.setFullTextOption(db, "automerge", Self.standardAutomerge)
            try Self.setFullTextOption(db, "crisismerge", 16)
        }
        // FTS5 documents that a 'merge' changing fewer than two rows found nothing left to merge.
        while try write({ db in
            let before = db.totalChangesCount
            try db.execute(
                sql: "INSERT INTO interaction_fts (interaction_fts, rank) VALUES ('merge', ?)", arguments: [pagesPerStep])
            return db.totalChangesCount - before >= 2
        }) {}
        try checkpoint()
    }

    /// Copies the write-ahead log into the archive file and empties it. While other processes
    /// read the archive this may not complete; SQLite then finishes it later by itself.
    public func checkpoint() throws(ArchiveError) {
        do {
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            return
        } catch {
            throw ArchiveError(path: path, underlying: error)
        }
    }

    private static func setFullTextOption(_ db: Database, _ name: String, _ value: Int) throws {
        try db.execute(
            sql: "INSERT INTO interaction_fts (interaction_fts, rank) VALUES (?, ?)", arguments: [name, value])
    }
}
