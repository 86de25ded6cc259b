import Foundation
import GRDB

/// Where a continuously read source stopped: `state` is opaque text (JSON) that the source's reader
/// owns and reads back; the archive only keeps it, committed in the transaction of the batch it
/// follows, so that a crash leaves either both the batch and its checkpoint or neither.
public struct SourceCheckpoint: Sendable, Equatable {
    /// The source's key, e.g. `calls:pbx1`.
    public var source: String
    public var state: String

    public init(source: String, state: String) {
        self.source = source
        self.state = state
    }
}

extension ArchiveStore {
    /// The state last saved for `source`, nil when it has none.
    public func checkpoint(of source: String) throws(ArchiveError) -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT state FROM source_checkpoint WHERE source = ?", arguments: [source])
        }
    }

    /// Saves a checkpoint on its own (state that goes with no batch of items).
    public func saveCheckpoint(_ checkpoint: SourceCheckpoint) throws(ArchiveError) {
        try write { db in try checkpoint.save(db) }
    }

    /// Forgets the checkpoint of `source` (a source removed from the configuration); true when it had one.
    @discardableResult
    public func removeCheckpoint(_ source: String) throws(ArchiveError) -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM source_checkpoint WHERE source = ?", arguments: [source])
            return db.changesCount > 0
        }
    }

    /// Forgets the checkpoints of every source whose key starts with `prefix` (one source reading
    /// several files keys them `name/...`); returns how many.
    @discardableResult
    public func removeCheckpoints(ofSourcesStartingWith prefix: String) throws(ArchiveError) -> Int {
        try write { db in
            try db.execute(
                sql: "DELETE FROM source_checkpoint WHERE substr(source, 1, length(?1)) = ?1", arguments: [prefix])
            return db.changesCount
        }
    }
}

extension SourceCheckpoint {
    /// Saves the checkpoint in the caller's transaction.
    func save(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO source_checkpoint (source, state, saved_at) VALUES (?, ?, ?)
                ON CONFLICT (source) DO UPDATE SET state = excluded.state, saved_at = excluded.saved_at
                """,
            arguments: [source, state, Timestamp.format(Date())])
    }
}
