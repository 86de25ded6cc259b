import Foundation
import GRDB

/// One source record on its way into the archive.
public enum ImportItem: Sendable {
    /// Parsed interactions to archive with the original record they came from (an e-mail is one
    /// interaction; a helpdesk ticket line holds one per comment).
    case archive(IncomingOriginal, [NewInteraction])
    /// Bytes already archived (found by digest before parsing): only the new location is recorded.
    case known(IncomingOriginal)
    case quarantine(QuarantineItem)

    /// A record holding one interaction.
    public static func archive(_ original: IncomingOriginal, _ interaction: NewInteraction) -> ImportItem {
        .archive(original, [interaction])
    }
}

/// An original's bytes packed for storage (zstd when that saves space), made ahead of the writer on
/// an import's worker threads so that the single writer only stores them. Found by the digest of
/// the bytes it was made from.
public struct PackedOriginal: Sendable {
    public let digest: ContentDigest
    let size: Int
    let compression: StoredCompression
    let data: Data

    /// `packer`: the calling thread's zstd context, when it has one.
    public init(_ original: IncomingOriginal, packer: OriginalPacker? = nil) {
        let stored = StoredBytes(packing: original.bytes, packer: packer)
        digest = original.digest
        size = stored.size
        compression = stored.compression
        data = Data(stored.data)
    }
}

public enum ImportOutcome: Sendable, Equatable {
    case archived
    /// A record that replaced a different stored version of itself (a changed customer record).
    case updated
    case alreadyPresent
    /// Content erased on request or removed by retention before: not archived again.
    case previouslyRemoved
    case quarantined(QuarantineReason)
}

extension ArchiveStore {
    /// Writes a batch in one transaction: all of it or, on failure, none of it. Idempotent: writing
    /// the same batch again archives nothing new. Returns one outcome per item, in order: a record
    /// is archived when at least one of its interactions is new.
    ///
    /// `packed` may hold originals of the batch packed beforehand (``PackedOriginal``); the others
    /// are packed here. `checkpoint`, where the source stands after this batch, is saved in the same
    /// transaction.
    public func write(
        _ batch: [ImportItem], packed: [PackedOriginal] = [], run: ImportRunID, checkpoint: SourceCheckpoint? = nil
    ) throws(ArchiveError) -> [ImportOutcome] {
        try write { db in
            let writer = try BatchWriter(
                db: db, run: run, acceptsTokenStreams: try IndexTokenizer.current(db)?.acceptsTokenStreams ?? false,
                packed: packed)
            let outcomes = try batch.map { item in
                switch item {
                case .archive(let original, let interactions):
                    try writer.archive(original, interactions)
                case .known(let original):
                    try writer.archive(original, [])
                case .quarantine(let quarantined):
                    try writer.quarantine(quarantined)
                }
            }
            if let first = writer.firstInsertedID {
                try Links.refresh(db, interactionsFrom: first)
            }
            if !writer.amendedIDs.isEmpty {
                try Links.refresh(db, interactions: writer.amendedIDs)
            }
            try checkpoint?.save(db)
            return outcomes
        }
    }

    /// Which of these digests need no parsing: the archive holds them as originals, or removed
    /// them (erasure, retention) and keeps them out.
    public func knownOriginals(_ digests: [ContentDigest]) throws(ArchiveError) -> Set<ContentDigest> {
        try read { db in
            var known = Set<ContentDigest>()
            let statement = try db.cachedStatement(sql: """
                SELECT 1 FROM original WHERE sha256 = ?1 UNION ALL SELECT 1 FROM removed_content WHERE digest = ?1
                """)
            for digest in digests where try Bool.fetchOne(statement, arguments: [Data(digest.bytes)]) != nil {
                known.insert(digest)
            }
            return known
        }
    }
}

/// The statements of one write transaction.
private final class BatchWriter {
    let db: Database
    let run: ImportRunID
    /// Whether the index replays an interaction's prepared ``IndexedText`` in place of its text.
    let acceptsTokenStreams: Bool
    /// Originals packed beforehand, by digest.
    let packed: [ContentDigest: PackedOriginal]
    /// The first interaction this transaction inserted: links are refreshed from there.
    private(set) var firstInsertedID: Int64?
    /// Calls archived before that gained their recording or transcript in this transaction.
    private(set) var amendedIDs: [Int64] = []
    private let statements: Statements

    /// The statements run for every record, prepared once per transaction.
    private struct Statements {
        let removed: BulkStatement
        let originalByDigest: BulkStatement
        let insertOriginal: BulkStatement
        let insertLocation: BulkStatement
        let interactionByContent: BulkStatement
        let variantOf: BulkStatement
        let threadByReference: BulkStatement
        let insertThread: BulkStatement
        let threadByRoot: BulkStatement
        let insertInteraction: BulkStatement
        let insertParticipant: BulkStatement
        let insertReference: BulkStatement
        let insertAttachment: BulkStatement
        let insertMention: BulkStatement
        let insertIndexRow: BulkStatement
        let supersede: BulkStatement

        init(_ db: Database) throws {
            removed = try BulkStatement(db, "SELECT 1 FROM removed_content WHERE digest = ?")
            originalByDigest = try BulkStatement(db, "SELECT id FROM original WHERE sha256 = ?")
            insertOriginal = try BulkStatement(
                db, "INSERT INTO original (sha256, size, compression, data) VALUES (?, ?, ?, ?)")
            insertLocation = try BulkStatement(db, """
                INSERT OR IGNORE INTO source_location (original_id, path, source_offset, import_run_id)
                VALUES (?, ?, ?, ?)
                """)
            interactionByContent = try BulkStatement(db, "SELECT 1 FROM interaction WHERE content_hash = ?")
            variantOf = try BulkStatement(db, """
                SELECT id FROM interaction WHERE source_ref = ? AND kind = ? AND variant_of IS NULL
                ORDER BY id LIMIT 1
                """)
            threadByReference = try BulkStatement(db, """
                SELECT thread_id FROM interaction WHERE source_ref = ? AND kind = 'email' AND thread_id IS NOT NULL LIMIT 1
                """)
            insertThread = try BulkStatement(db, "INSERT OR IGNORE INTO thread (root_ref) VALUES (?)")
            threadByRoot = try BulkStatement(db, "SELECT id FROM thread WHERE root_ref = ?")
            insertInteraction = try BulkStatement(db, """
                INSERT INTO interaction (kind, source_ref, content_hash, original_id, variant_of, thread_id, occurred_at,
                    direction, subject, body, participants, attachment_text, has_attachment, defects, import_run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            insertParticipant = try BulkStatement(db, """
                INSERT OR IGNORE INTO participant (interaction_id, role, position, name, address) VALUES (?, ?, ?, ?, ?)
                """)
            insertReference = try BulkStatement(db, """
                INSERT OR IGNORE INTO message_reference (interaction_id, position, message_id) VALUES (?, ?, ?)
                """)
            insertAttachment = try BulkStatement(db, """
                INSERT INTO attachment (interaction_id, position, filename, content_type, size, sha256, text, text_source, problems)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            insertMention = try BulkStatement(db, """
                INSERT OR IGNORE INTO interaction_mention (interaction_id, kind, value, location, strength)
                VALUES (?, ?, ?, ?, ?)
                """)
            insertIndexRow = try BulkStatement(db, """
                INSERT INTO interaction_fts (rowid, subject, body, participants, attachment_text) VALUES (?, ?, ?, ?, ?)
                """)
            supersede = try BulkStatement(db, """
                INSERT OR REPLACE INTO superseded_interaction (interaction_id, by_id)
                SELECT id, ?2 FROM interaction WHERE (id = ?1 OR variant_of = ?1) AND id <> ?2
                """)
        }
    }

    init(db: Database, run: ImportRunID, acceptsTokenStreams: Bool, packed: [PackedOriginal]) throws {
        self.db = db
        self.run = run
        self.acceptsTokenStreams = acceptsTokenStreams
        self.packed = Dictionary(packed.map { ($0.digest, $0) }, uniquingKeysWith: { first, _ in first })
        statements = try Statements(db)
    }

    func archive(_ original: IncomingOriginal, _ interactions: [NewInteraction]) throws -> ImportOutcome {
        let digest = BulkValue.blob(original.digest.bytes)
        if try statements.removed.exists(digest) {
            return .previouslyRemoved
        }
        let originalID: Int64
        if let existing = try statements.originalByDigest.fetchInteger(digest) {
            originalID = existing
        } else {
            guard !interactions.isEmpty else {
                // Known when the batch was built but gone now (erased meanwhile): nothing to attach to.
                return .alreadyPresent
            }
            let stored = packed[original.digest] ?? PackedOriginal(original)
            try statements.insertOriginal.execute(
                digest, .integer(stored.size), .text(stored.compression.rawValue), .blob(stored.data))
            originalID = db.lastInsertedRowID
        }
        try statements.insertLocation.execute(
            .integer(originalID), .text(original.position.path), .integer(original.position.offset), .integer(run.rawValue))

        var archivedAny = false
        var amendedAny = false
        for interaction in interactions {
            let contentHash = BulkValue.blob(interaction.contentDigest.bytes)
            if try statements.interactionByContent.exists(contentHash) {
                if let amended = try LateCallMedia.amend(db, with: interaction, contentHash: Data(interaction.contentDigest.bytes)) {
                    amendedIDs.append(amended)
                    amendedAny = true
                }
                continue
            }
            if try statements.removed.exists(contentHash) { continue }
            try insert(interaction, contentHash: contentHash, originalID: originalID)
            archivedAny = true
        }
        return archivedAny ? .archived : amendedAny ? .updated : .alreadyPresent
    }

    private func insert(_ interaction: NewInteraction, contentHash: BulkValue, originalID: Int64) throws {
        let variantOf = try statements.variantOf.fetchInteger(
            .text(interaction.sourceRef), .text(interaction.kind.rawValue))
        let threadID = try thread(for: interaction)
        let participantsText = interaction.participantsText
        let attachmentText = interaction.attachmentText
        try statements.insertInteraction.execute(
            .text(interaction.kind.rawValue), .text(interaction.sourceRef), contentHash, .integer(originalID),
            .integer(variantOf), .integer(threadID), .text(interaction.occurredAt.map(Timestamp.format)),
            .text(interaction.direction.rawValue), .text(interaction.subject), .text(interaction.body),
            .text(participantsText), .text(attachmentText), .boolean(!interaction.attachments.isEmpty),
            .text(interaction.defects.joined(separator: " ")), .integer(run.rawValue))
        let id = db.lastInsertedRowID
        if firstInsertedID == nil { firstInsertedID = id }
        if let variantOf, interaction.kind == .ticket {
            // An edited comment: the versions before it are kept but no longer current.
            try statements.supersede.execute(.integer(variantOf), .integer(id))
        }

        for (position, p) in interaction.participants.enumerated() {
            try statements.insertParticipant.execute(
                .integer(id), .text(p.role.rawValue), .integer(position), .text(p.name), .text(p.address))
        }
        for (position, reference) in interaction.references.enumerated() {
            try statements.insertReference.execute(.integer(id), .integer(position), .text(reference))
        }
        for (position, a) in interaction.attachments.enumerated() {
            try statements.insertAttachment.execute(
                .integer(id), .integer(position), .text(a.filename), .text(a.contentType), .integer(a.size),
                a.digest.map { .blob($0.bytes) } ?? .null, .text(a.text), .text(a.textSource),
                .text(a.problems.joined(separator: "\n")))
        }
        let pending = interaction.attachments.enumerated().filter { !$0.element.pendingRecognition.isEmpty }
        if !pending.isEmpty {
            try RecognitionQueue.queue(pending.map { ($0.offset, $0.element.pendingRecognition) }, interaction: id, db)
        }
        for m in interaction.mentions {
            try statements.insertMention.execute(
                .integer(id), .text(m.kind.rawValue), .text(m.value), .text(m.location), .text(m.strength.rawValue))
        }
        try insertDetails(interaction.details, id: id)
        // The index row: prepared token streams when there are some (analysed on the import's
        // workers, replayed by the tokenizer), else the texts, analysed here.
        if acceptsTokenStreams, let indexed = interaction.indexedText {
            try statements.insertIndexRow.execute(
                .integer(id), .blob(indexed.subject.databaseValue), .blob(indexed.body.databaseValue),
                .blob(indexed.participants.databaseValue), .blob(indexed.attachmentText.databaseValue))
        } else {
            try statements.insertIndexRow.execute(
                .integer(id), .text(interaction.subject), .text(interaction.body), .text(participantsText),
                .text(attachmentText))
        }
    }

    private func insertDetails(_ details: ChannelDetails, id: Int64) throws {
        switch details {
        case .email:
            return
        case .ticketComment(let comment):
            let t = comment.ticket
            try db.cachedStatement(sql: """
                INSERT INTO ticket (id, subject, status, priority, channel, tags, requester_name, requester_email,
                    requester_phone, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET subject = excluded.subject, status = excluded.status,
                    priority = excluded.priority, channel = excluded.channel, tags = excluded.tags,
                    requester_name = excluded.requester_name, requester_email = excluded.requester_email,
                    requester_phone = excluded.requester_phone, created_at = excluded.created_at,
                    updated_at = excluded.updated_at
                WHERE excluded.updated_at IS NULL OR updated_at IS NULL OR excluded.updated_at >= updated_at
                """).execute(arguments: [
                    t.id, t.subject, t.status, t.priority, t.channel, t.tags.joined(separator: " "), t.requesterName,
                    t.requesterEmail, t.requesterPhone, t.createdAt.map(Timestamp.format), t.updatedAt.map(Timestamp.format),
                ])
            try db.cachedStatement(sql: """
                INSERT INTO ticket_comment (interaction_id, ticket_id, number, author_role, is_public) VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [id, t.id, comment.number, comment.authorRole, comment.isPublic])
        case .call(let call):
            try db.cachedStatement(sql: """
                INSERT INTO call (interaction_id, caller, callee, caller_name, disposition, duration, billable_seconds,
                    recording_path, recording_sha256, audio_format, sample_rate, channels, audio_seconds,
                    transcript_path, transcript_sha256, media_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    id, call.caller, call.callee, call.callerName, call.disposition, call.duration, call.billableSeconds,
                    call.recording?.path, call.recording.map { Data($0.digest.bytes) }, call.audioFormat, call.sampleRate,
                    call.channels, call.audioSeconds, call.transcript?.path, call.transcript.map { Data($0.digest.bytes) },
                    call.mediaName,
                ])
        }
    }

    /// The thread of an interaction: a ticket's comments share the ticket's thread; a message
    /// joins the thread of the nearest referenced message already archived, else the thread rooted
    /// at its first reference (or itself), so replies arriving before their parents still meet
    /// them. Calls stand alone.
    private func thread(for interaction: NewInteraction) throws -> Int64? {
        let root: String
        switch interaction.details {
        case .call:
            return nil
        case .ticketComment(let comment):
            root = "ticket:\(comment.ticket.id)"
        case .email:
            for reference in interaction.references.reversed() {
                if let thread = try statements.threadByReference.fetchInteger(.text(reference)) {
                    return thread
                }
            }
            root = interaction.references.first ?? interaction.sourceRef
        }
        try statements.insertThread.execute(.text(root))
        return try statements.threadByRoot.fetchInteger(.text(root))
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
