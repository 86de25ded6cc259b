import Foundation
import GRDB

/// One source record on its way into the archive.
public enum ImportItem: Sendable {
    /// A parsed record to archive with its original.
    case archive(IncomingOriginal, NewInteraction)
    /// Bytes already archived (found by digest before parsing): only the new location is recorded.
    case known(IncomingOriginal)
    case quarantine(QuarantineItem)
}

public enum ImportOutcome: Sendable, Equatable {
    case archived
    case alreadyPresent
    case quarantined(QuarantineReason)
}

extension ArchiveStore {
    /// Writes a batch in one transaction: all of it or, on failure, none of it. Idempotent: writing
    /// the same batch again archives nothing new. Returns one outcome per item, in order.
    public func write(_ batch: [ImportItem], run: ImportRunID) throws(ArchiveError) -> [ImportOutcome] {
        try write { db in
            let writer = BatchWriter(db: db, run: run)
            return try batch.map { item in
                switch item {
                case .archive(let original, let interaction):
                    try writer.archive(original, interaction)
                case .known(let original):
                    try writer.archive(original, nil)
                case .quarantine(let quarantined):
                    try writer.quarantine(quarantined)
                }
            }
        }
    }

    /// Which of these digests the archive already holds as originals.
    public func knownOriginals(_ digests: [ContentDigest]) throws(ArchiveError) -> Set<ContentDigest> {
        try read { db in
            var known = Set<ContentDigest>()
            let statement = try db.cachedStatement(sql: "SELECT 1 FROM original WHERE sha256 = ?")
            for digest in digests where try Bool.fetchOne(statement, arguments: [Data(digest.bytes)]) != nil {
                known.insert(digest)
            }
            return known
        }
    }
}

/// The statements of one write transaction.
private struct BatchWriter {
    let db: Database
    let run: ImportRunID

    func archive(_ original: IncomingOriginal, _ interaction: NewInteraction?) throws -> ImportOutcome {
        let digest = Data(original.digest.bytes)
        if let existing = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM original WHERE sha256 = ?"), arguments: [digest])
        {
            try recordLocation(originalID: existing, original.position)
            return .alreadyPresent
        }
        guard let interaction else {
            // The digest was known when the batch was built but is gone now (erased meanwhile):
            // nothing to attach the location to, and nothing parsed to archive.
            return .alreadyPresent
        }
        let stored = StoredBytes(packing: original.bytes)
        try db.cachedStatement(sql: "INSERT INTO original (sha256, size, compression, data) VALUES (?, ?, ?, ?)")
            .execute(arguments: [digest, stored.size, stored.compression.rawValue, Data(stored.data)])
        let originalID = db.lastInsertedRowID
        try recordLocation(originalID: originalID, original.position)
        try insert(interaction, originalID: originalID)
        return .archived
    }

    private func recordLocation(originalID: Int64, _ position: SourcePosition) throws {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO source_location (original_id, path, source_offset, import_run_id)
            VALUES (?, ?, ?, ?)
            """).execute(arguments: [originalID, position.path, position.offset, run.rawValue])
    }

    private func insert(_ interaction: NewInteraction, originalID: Int64) throws {
        let variantOf = try Int64.fetchOne(
            db.cachedStatement(sql: """
                SELECT id FROM interaction WHERE source_ref = ? AND kind = ? AND variant_of IS NULL
                ORDER BY id LIMIT 1
                """),
            arguments: [interaction.sourceRef, interaction.kind.rawValue])
        let threadID = try thread(for: interaction)
        let participantsText = interaction.participantsText
        let attachmentText = interaction.attachmentText
        try db.cachedStatement(sql: """
            INSERT INTO interaction (kind, source_ref, original_id, variant_of, thread_id, occurred_at, subject,
                body, participants, attachment_text, has_attachment, defects, import_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                interaction.kind.rawValue, interaction.sourceRef, originalID, variantOf, threadID,
                interaction.occurredAt.map(Timestamp.format), interaction.subject, interaction.body,
                participantsText, attachmentText, !interaction.attachments.isEmpty,
                interaction.defects.joined(separator: " "), run.rawValue,
            ])
        let id = db.lastInsertedRowID

        let participant = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO participant (interaction_id, role, position, name, address) VALUES (?, ?, ?, ?, ?)
            """)
        for (position, p) in interaction.participants.enumerated() {
            try participant.execute(arguments: [id, p.role.rawValue, position, p.name, p.address])
        }
        let reference = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO message_reference (interaction_id, position, message_id) VALUES (?, ?, ?)
            """)
        for (position, ref) in interaction.references.enumerated() {
            try reference.execute(arguments: [id, position, ref])
        }
        let attachment = try db.cachedStatement(sql: """
            INSERT INTO attachment (interaction_id, position, filename, content_type, size, sha256, text)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, a) in interaction.attachments.enumerated() {
            try attachment.execute(arguments: [
                id, position, a.filename, a.contentType, a.size, Data(a.digest.bytes), a.text,
            ])
        }
        try db.cachedStatement(sql: """
            INSERT INTO interaction_fts (rowid, subject, body, participants, attachment_text) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [id, interaction.subject, interaction.body, participantsText, attachmentText])
    }

    /// The thread of a message: that of the nearest referenced message already archived, else the
    /// thread rooted at its first reference (or itself), so replies arriving before their parents
    /// still meet them.
    private func thread(for interaction: NewInteraction) throws -> Int64 {
        let byRef = try db.cachedStatement(sql: """
            SELECT thread_id FROM interaction WHERE source_ref = ? AND thread_id IS NOT NULL LIMIT 1
            """)
        for ref in interaction.references.reversed() {
            if let thread = try Int64.fetchOne(byRef, arguments: [ref]) {
                return thread
            }
        }
        let root = interaction.references.first ?? interaction.sourceRef
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO thread (root_ref) VALUES (?)").execute(arguments: [root])
        guard let thread = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM thread WHERE root_ref = ?"), arguments: [root])
        else {
            throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "thread \(root) vanished")
        }
        return thread
    }

    func quarantine(_ item: QuarantineItem) throws -> ImportOutcome {
        let stored = item.original.map { StoredBytes(packing: $0.bytes) }
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO quarantine (import_run_id, source_path, source_offset, reason, detail, sha256,
                size, compression, data, quarantined_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                run.rawValue, item.position.path, item.position.offset, item.reason.rawValue, item.detail,
                item.original.map { Data($0.digest.bytes) }, stored?.size ?? 0,
                (stored?.compression ?? .none).rawValue, stored.map { Data($0.data) }, Timestamp.format(Date()),
            ])
        return .quarantined(item.reason)
    }
}
