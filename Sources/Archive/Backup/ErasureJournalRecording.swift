import Foundation
import GRDB

/// Writing erasures and retention runs to the erasure journal, and recording in the archive which
/// journal entries it has applied.
extension ArchiveStore {
    /// The journal beside this archive.
    public var erasureJournal: ErasureJournal { ErasureJournal(path: files.erasureJournal) }

    /// Keyed hashes as the journal holds them (under a key derived from the audit key).
    public var journalHasher: JournalHasher { auditLog.journalHasher }

    /// Journals an erasure (unless it re-applies an entry) and marks its entry applied, inside the
    /// erasure's transaction, before anything is removed.
    func journalErasure(_ plan: ErasurePlan, _ db: Database) throws {
        if let replaying = plan.replaying {
            try markApplied(replaying, db)
            return
        }
        let scope = "SELECT value FROM json_each(?)"
        let removing = jsonIntegers(plan.remove)
        let interactions = try String.fetchAll(
            db, sql: "SELECT lower(hex(content_hash)) FROM interaction WHERE id IN (\(scope)) ORDER BY 1", arguments: [removing])
        let originals = try String.fetchAll(db, sql: """
            SELECT DISTINCT lower(hex(o.sha256)) FROM original o JOIN interaction i ON i.original_id = o.id
            WHERE i.id IN (\(scope)) ORDER BY 1
            """, arguments: [jsonIntegers(plan.remove + plan.redact)])
        let entry = ErasureJournalEntry(
            id: ErasureJournalEntry.newID(), at: Timestamp.format(plan.audit.at), kind: .erasure,
            subject: journalHasher.hash(plan.customerSourceID),
            identifiers: plan.ownIdentifiers.map { journalHasher.hash($0) }, interactions: interactions, originals: originals)
        try erasureJournal.append([entry])
        try markApplied(entry.id, db)
    }

    /// Journals the interactions in `temp.removal_scope` before retention removes them.
    func journalRetention(at date: Date, _ db: Database) throws {
        let scope = "SELECT id FROM temp.removal_scope"
        let interactions = try String.fetchAll(
            db, sql: "SELECT lower(hex(content_hash)) FROM interaction WHERE id IN (\(scope)) ORDER BY 1")
        guard !interactions.isEmpty else { return }
        let originals = try String.fetchAll(db, sql: """
            SELECT DISTINCT lower(hex(o.sha256)) FROM original o JOIN interaction i ON i.original_id = o.id
            WHERE i.id IN (\(scope)) ORDER BY 1
            """)
        let entry = ErasureJournalEntry(
            id: ErasureJournalEntry.newID(), at: Timestamp.format(date), kind: .retention, subject: nil, identifiers: [],
            interactions: interactions, originals: originals)
        try erasureJournal.append([entry])
        try markApplied(entry.id, db)
    }

    private func markApplied(_ entryID: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO erasure_replay (entry, applied_at) VALUES (?, ?)",
            arguments: [entryID, Timestamp.format(Date())])
    }

    /// Journal entries this archive has not applied: none for an archive that made them all;
    /// the later ones for a restored backup.
    public func pendingErasures() throws(ArchiveError) -> [ErasureJournalEntry] {
        let entries: [ErasureJournalEntry]
        do {
            entries = try erasureJournal.entries()
        } catch {
            throw ArchiveError(path: path, message: "\(error)")
        }
        guard !entries.isEmpty else { return [] }
        let applied = Set(try read { db in try String.fetchAll(db, sql: "SELECT entry FROM erasure_replay") })
        return entries.filter { !applied.contains($0.id) }
    }

    /// The customers of this archive that a journal entry names: by the keyed hash of their
    /// register id or of one of their identifiers.
    public func customersNamed(by entry: ErasureJournalEntry) throws(ArchiveError) -> [Int64] {
        guard entry.subject != nil || !entry.identifiers.isEmpty else { return [] }
        let identifiers = Set(entry.identifiers)
        return try read { db in
            var ids: [Int64] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, source_id FROM customer ORDER BY id") {
                let sourceID: String = row["source_id"]
                if journalHasher.hash(sourceID) == entry.subject { ids.append(row["id"]) }
            }
            guard !identifiers.isEmpty else { return ids }
            for row in try Row.fetchAll(db, sql: "SELECT customer_id, kind, value FROM customer_identifier ORDER BY customer_id") {
                guard let kind = IdentifierKind(rawValue: row["kind"]) else { continue }
                let hash = journalHasher.hash(CustomerIdentifier(kind: kind, value: row["value"], written: nil))
                let id: Int64 = row["customer_id"]
                if identifiers.contains(hash), !ids.contains(id) { ids.append(id) }
            }
            return ids
        }
    }

    /// Applies what an entry records by digest alone: removes the interactions and originals it
    /// names (what of them is left), records their digests as removed content so that importing
    /// the sources again does not bring them back, and marks the entry applied. Run after any
    /// re-erasure of the customers it names.
    public func applyJournalRemovals(_ entry: ErasureJournalEntry) throws(ArchiveError) -> RemovalCounts {
        let counts = try write { db -> RemovalCounts in
            try Self.fillDigests("journal_interaction", entry.interactions, db)
            try Self.fillDigests("journal_original", entry.originals, db)
            try InteractionRemoval.fillScope(
                db, select: "SELECT id FROM interaction WHERE content_hash IN (SELECT digest FROM temp.journal_interaction)")
            var counts = try InteractionRemoval.removeScope(db)
            try InteractionRemoval.dropScope(db)
            let originals = try Int64.fetchAll(
                db, sql: "SELECT id FROM original WHERE sha256 IN (SELECT digest FROM temp.journal_original)")
            counts.originals += try InteractionRemoval.removeUnused(originals: originals, db)
            for table in ["journal_interaction", "journal_original"] {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO removed_content (digest, removed_at) SELECT digest, ? FROM temp.\(table)",
                    arguments: [entry.at])
                try db.execute(sql: "DROP TABLE temp.\(table)")
            }
            if counts.interactions > 0 { try InteractionRemoval.purgeDeletedIndexEntries(db) }
            try markApplied(entry.id, db)
            return counts
        }
        _ = truncateWriteAheadLog()
        return counts
    }

    /// A temporary table `name (digest)` of the digests given in hex.
    private static func fillDigests(_ name: String, _ hexDigests: [String], _ db: Database) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS temp.\(name)")
        try db.execute(sql: "CREATE TEMP TABLE \(name) (digest BLOB PRIMARY KEY)")
        for hex in hexDigests {
            guard let digest = bytes(hex: hex) else { continue }
            try db.execute(sql: "INSERT OR IGNORE INTO temp.\(name) (digest) VALUES (?)", arguments: [Data(digest)])
        }
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 64 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(decoding: utf8[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
