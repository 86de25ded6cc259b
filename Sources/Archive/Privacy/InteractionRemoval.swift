import Foundation
import GRDB

/// What removing interactions took with it.
public struct RemovalCounts: Sendable, Codable, Equatable {
    public var interactions = 0
    public var originals = 0
    public var threads = 0
    public var tickets = 0
    /// Recordings of removed calls: files outside the archive, to be removed at their source.
    public var recordingFiles: [String] = []
    public var transcriptFiles: [String] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case interactions, originals, threads, tickets, recordingFiles = "recording_files"
        case transcriptFiles = "transcript_files"
    }
}

/// Removing interactions and everything derived from them, leaving the archive consistent: index
/// rows are deleted with their exact old values before the rows go, dependent rows cascade,
/// originals, threads and tickets go when nothing else uses them.
enum InteractionRemoval {
    /// Removes the interactions whose ids are in `temp.removal_scope (id)`.
    static func removeScope(_ db: Database) throws -> RemovalCounts {
        var counts = RemovalCounts()
        let scope = "SELECT id FROM temp.removal_scope"
        let originals = try Int64.fetchAll(db, sql: """
            SELECT DISTINCT original_id FROM interaction WHERE id IN (\(scope)) AND original_id IS NOT NULL
            """)
        let threads = try Int64.fetchAll(db, sql: """
            SELECT DISTINCT thread_id FROM interaction WHERE id IN (\(scope)) AND thread_id IS NOT NULL
            """)
        let tickets = try String.fetchAll(db, sql: "SELECT DISTINCT ticket_id FROM ticket_comment WHERE interaction_id IN (\(scope))")
        counts.recordingFiles = try String.fetchAll(db, sql: """
            SELECT recording_path FROM call WHERE interaction_id IN (\(scope)) AND recording_path IS NOT NULL ORDER BY 1
            """)
        counts.transcriptFiles = try String.fetchAll(db, sql: """
            SELECT transcript_path FROM call WHERE interaction_id IN (\(scope)) AND transcript_path IS NOT NULL ORDER BY 1
            """)

        try db.execute(sql: """
            INSERT OR IGNORE INTO removed_content (digest, removed_at)
            SELECT content_hash, ? FROM interaction WHERE id IN (\(scope))
            """, arguments: [Timestamp.format(Date())])
        try FullTextRows.deleteIndexRows(where: "id IN (\(scope))", db)
        try db.execute(sql: """
            UPDATE interaction SET variant_of = NULL WHERE variant_of IN (\(scope)) AND id NOT IN (\(scope))
            """)
        try db.execute(sql: "DELETE FROM interaction WHERE id IN (\(scope))")
        counts.interactions = db.changesCount

        counts.originals = try removeUnused(originals: originals, db)
        for thread in threads {
            try db.execute(sql: """
                DELETE FROM thread WHERE id = ? AND NOT EXISTS (SELECT 1 FROM interaction WHERE thread_id = thread.id)
                """, arguments: [thread])
            counts.threads += db.changesCount
        }
        for ticket in tickets {
            try db.execute(sql: """
                DELETE FROM ticket WHERE id = ? AND NOT EXISTS (SELECT 1 FROM ticket_comment WHERE ticket_id = ticket.id)
                """, arguments: [ticket])
            counts.tickets += db.changesCount
        }
        return counts
    }

    /// Deletes these originals (and their source locations) where no interaction uses them any more.
    static func removeUnused(originals: [Int64], _ db: Database) throws -> Int {
        var removed = 0
        for original in originals {
            try db.execute(sql: """
                INSERT OR IGNORE INTO removed_content (digest, removed_at)
                SELECT sha256, ? FROM original WHERE \(unusedOriginal)
                """, arguments: [Timestamp.format(Date()), original])
            try db.execute(sql: "DELETE FROM original WHERE \(unusedOriginal)", arguments: [original])
            removed += db.changesCount
        }
        return removed
    }

    /// The original `?` when no interaction uses it (found by the `interaction_original` index).
    static let unusedOriginal = "id = ? AND NOT EXISTS (SELECT 1 FROM interaction WHERE original_id = original.id)"

    /// Fills `temp.removal_scope` with the ids a query selects.
    static func fillScope(_ db: Database, select: String, arguments: StatementArguments = StatementArguments()) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS temp.removal_scope")
        try db.execute(sql: "CREATE TEMP TABLE removal_scope (id INTEGER PRIMARY KEY)")
        try db.execute(sql: "INSERT OR IGNORE INTO temp.removal_scope (id) \(select)", arguments: arguments)
    }

    static func dropScope(_ db: Database) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS temp.removal_scope")
    }

    /// Makes sure no entry of a deleted row stays in the full-text indexes. With FTS5 secure-delete
    /// on (``SecureIndexDeletion``, every migrated archive) each delete already removed them, and
    /// this costs nothing; otherwise each index is merged into one segment, which drops them (a
    /// rewrite of the whole index). With `secure_delete` on, the freed pages are zeroed.
    static func purgeDeletedIndexEntries(_ db: Database) throws {
        guard try !SecureIndexDeletion.isEnabled(db) else { return }
        try db.execute(sql: "INSERT INTO interaction_fts (interaction_fts) VALUES ('optimize')")
        try AttachmentNameIndex.purgeDeletedEntries(db)
    }
}

/// Rows of the external-content index, which must be given the exact values they were made from.
enum FullTextRows {
    static func deleteIndexRows(where condition: String, _ db: Database, arguments: StatementArguments = StatementArguments()) throws {
        try db.execute(sql: """
            INSERT INTO interaction_fts (interaction_fts, rowid, subject, body, participants, attachment_text)
            SELECT 'delete', id, subject, body, participants, attachment_text FROM interaction WHERE \(condition)
            """, arguments: arguments)
    }

    static func insertIndexRow(id: Int64, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO interaction_fts (rowid, subject, body, participants, attachment_text)
            SELECT id, subject, body, participants, attachment_text FROM interaction WHERE id = ?
            """, arguments: [id])
    }
}

extension ArchiveStore {
    /// Copies the write-ahead log into the database file and empties it, so that pages from before
    /// a deletion survive in neither file. False when readers kept the log busy.
    public func truncateWriteAheadLog() -> Bool {
        do {
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            return true
        } catch {
            return false
        }
    }
}
