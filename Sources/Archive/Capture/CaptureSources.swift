import Foundation
import GRDB

/// A source configured for continuous capture, as the archive keeps it: its settings are the
/// Capture layer's JSON.
public struct StoredSource: Sendable, Equatable {
    public var name: String
    public var kind: String
    public var settings: String
    public var addedAt: Date

    public init(name: String, kind: String, settings: String, addedAt: Date) {
        self.name = name
        self.kind = kind
        self.settings = settings
        self.addedAt = addedAt
    }
}

/// What one run of a source did, or why it failed.
public struct SourceRunRecord: Sendable, Equatable {
    public var source: String
    public var at: Date
    public var archived: Int
    public var updated: Int
    public var quarantined: Int
    /// The arrival time of the newest item the run read (a message file's, the CDR file's).
    public var newestItemAt: Date?
    /// Why the run failed; nil when it succeeded.
    public var error: String?

    public init(
        source: String, at: Date, archived: Int = 0, updated: Int = 0, quarantined: Int = 0, newestItemAt: Date? = nil,
        error: String? = nil
    ) {
        self.source = source
        self.at = at
        self.archived = archived
        self.updated = updated
        self.quarantined = quarantined
        self.newestItemAt = newestItemAt
        self.error = error
    }
}

/// How a source's runs went, as stored.
public struct StoredSourceStatus: Sendable, Equatable {
    public var lastAttemptAt: Date?
    public var lastSuccessAt: Date?
    public var lastError: String?
    public var lastErrorAt: Date?
    /// Failed runs since the last success.
    public var failures: Int
    public var newestItemAt: Date?
    public var archived: Int
    public var updated: Int
    public var quarantined: Int
    /// Records archived or updated in the last ``recentWindow``.
    public var recentItems: Int

    /// The window over which ``recentItems`` counts.
    public static let recentWindow: TimeInterval = 10 * 60
}

extension ArchiveStore {
    /// Adds a source; false when one of that name exists already.
    public func addSource(_ source: StoredSource) throws(ArchiveError) -> Bool {
        try write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO capture_source (name, kind, settings, added_at) VALUES (?, ?, ?, ?)",
                arguments: [source.name, source.kind, source.settings, Timestamp.format(source.addedAt)])
            return db.changesCount > 0
        }
    }

    public func sources() throws(ArchiveError) -> [StoredSource] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, kind, settings, added_at FROM capture_source ORDER BY name").map { row in
                StoredSource(
                    name: row["name"], kind: row["kind"], settings: row["settings"],
                    addedAt: Timestamp.parse(row["added_at"] as String? ?? "") ?? Date(timeIntervalSince1970: 0))
            }
        }
    }

    /// Removes a source with its status and checkpoints (what it archived stays); false when
    /// there is none of that name. A source's checkpoints are keyed by its name, or `name/...`
    /// when it reads several files.
    public func removeSource(named name: String) throws(ArchiveError) -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM capture_source WHERE name = ?", arguments: [name])
            guard db.changesCount > 0 else { return false }
            try db.execute(
                sql: "DELETE FROM source_checkpoint WHERE source = ?1 OR substr(source, 1, length(?1) + 1) = ?1 || '/'",
                arguments: [name])
            return true
        }
    }

    /// Records a run: counts and the newest item when it succeeded, the error when it failed.
    /// Runs that found nothing only update the status, so the history holds only what changed.
    public func recordSourceRun(_ run: SourceRunRecord) throws(ArchiveError) {
        let at = Timestamp.format(run.at)
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO capture_status (source) SELECT name FROM capture_source WHERE name = ?",
                           arguments: [run.source])
            if let error = run.error {
                try db.execute(sql: """
                    UPDATE capture_status SET last_attempt_at = ?1, last_error = ?2, last_error_at = ?1, failures = failures + 1
                    WHERE source = ?3
                    """, arguments: [at, error, run.source])
                return
            }
            try db.execute(sql: """
                UPDATE capture_status SET last_attempt_at = ?1, last_success_at = ?1, failures = 0,
                    newest_item_at = CASE WHEN ?2 IS NOT NULL AND (newest_item_at IS NULL OR ?2 > newest_item_at)
                        THEN ?2 ELSE newest_item_at END,
                    archived = archived + ?3, updated = updated + ?4, quarantined = quarantined + ?5
                WHERE source = ?6
                """, arguments: [at, run.newestItemAt.map(Timestamp.format), run.archived, run.updated, run.quarantined, run.source])
            guard run.archived + run.updated + run.quarantined > 0 else { return }
            try db.execute(sql: """
                INSERT INTO capture_run (source, finished_at, archived, updated, quarantined)
                SELECT name, ?, ?, ?, ? FROM capture_source WHERE name = ?
                """, arguments: [at, run.archived, run.updated, run.quarantined, run.source])
            // The history serves the recent rate only: a day of it is plenty.
            try db.execute(
                sql: "DELETE FROM capture_run WHERE source = ? AND finished_at < ?",
                arguments: [run.source, Timestamp.format(run.at.addingTimeInterval(-86_400))])
        }
    }

    public func sourceStatus(named name: String, now: Date = Date()) throws(ArchiveError) -> StoredSourceStatus {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT * FROM capture_status WHERE source = ?", arguments: [name])
            let since = Timestamp.format(now.addingTimeInterval(-StoredSourceStatus.recentWindow))
            let recent = try Int.fetchOne(db, sql: """
                SELECT coalesce(sum(archived + updated), 0) FROM capture_run WHERE source = ? AND finished_at >= ?
                """, arguments: [name, since]) ?? 0
            func date(_ column: String) -> Date? { (row?[column] as String?).flatMap(Timestamp.parse) }
            return StoredSourceStatus(
                lastAttemptAt: date("last_attempt_at"), lastSuccessAt: date("last_success_at"),
                lastError: row?["last_error"], lastErrorAt: date("last_error_at"), failures: row?["failures"] ?? 0,
                newestItemAt: date("newest_item_at"), archived: row?["archived"] ?? 0, updated: row?["updated"] ?? 0,
                quarantined: row?["quarantined"] ?? 0, recentItems: recent)
        }
    }
}
