import GRDB

/// One image or text-less PDF page waiting for OCR: which attachment of which interaction, and
/// the target inside it (JSON the archive does not read).
public struct RecognitionJob: Sendable, Hashable {
    public var id: Int64
    public var interactionID: Int64
    /// The attachment's 0-based position in its interaction.
    public var attachmentPosition: Int
    public var target: String
    public var label: String
}

/// What OCR made of a job.
public enum RecognitionOutcome: Sendable, Equatable {
    /// The recognised text (possibly empty: a picture without words).
    case text(String)
    /// Why there is none: one problem line, as `attachment.problems` holds them.
    case failed(problem: String)
}

/// The table of OCR work (`ocr_job`): rows are inserted with their interaction by the import
/// writer (or by a re-read of attachments), and each leaves in the transaction that stores what
/// OCR gave, so an interrupted pass loses nothing and redoes nothing it finished.
///
/// `sequence` orders the targets of one attachment (pages in page order). A target recognised
/// while an earlier one of the same attachment is still waiting keeps its text in `recognised`
/// until the earlier ones are done, so the attachment's text always reads in page order.
enum RecognitionQueue {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE ocr_job (
                -- AUTOINCREMENT: an id is never given again, so a pass finishing a job that erasure
                -- dropped meanwhile cannot mistake a newer job for it.
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                interaction_id INTEGER NOT NULL REFERENCES interaction(id) ON DELETE CASCADE,
                attachment_position INTEGER NOT NULL,
                sequence INTEGER NOT NULL,
                target TEXT NOT NULL,
                label TEXT NOT NULL,
                recognised TEXT,
                UNIQUE (interaction_id, attachment_position, sequence)
            );
            """)
    }

    static let insertSQL = """
        INSERT OR REPLACE INTO ocr_job (interaction_id, attachment_position, sequence, target, label) VALUES (?, ?, ?, ?, ?)
        """

    /// Queues the pending targets of an interaction's attachments (their positions as given).
    static func queue(_ pending: [(position: Int, targets: [PendingRecognition])], interaction id: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: insertSQL)
        for (position, targets) in pending {
            for (sequence, target) in targets.enumerated() {
                try statement.execute(arguments: [id, position, sequence, target.target, target.label])
            }
        }
    }

    /// Drops the work still queued for these interactions (redacted: their originals are
    /// withdrawn, and OCR text must not be added to what was redacted).
    static func drop(interaction id: Int64, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM ocr_job WHERE interaction_id = ?", arguments: [id])
    }
}

extension ArchiveStore {
    /// Up to `limit` jobs still to recognise with ids above `after`, oldest first.
    public func recognitionJobs(after id: Int64, limit: Int) throws(ArchiveError) -> [RecognitionJob] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, interaction_id, attachment_position, target, label FROM ocr_job
                WHERE id > ? AND recognised IS NULL ORDER BY id LIMIT ?
                """, arguments: [id, limit]).map { row in
                RecognitionJob(
                    id: row["id"], interactionID: row["interaction_id"], attachmentPosition: row["attachment_position"],
                    target: row["target"], label: row["label"])
            }
        }
    }

    /// How many images and pages wait for OCR (those recognised and waiting for an earlier page
    /// of their attachment not included).
    public func recognitionJobsWaiting() throws(ArchiveError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM ocr_job WHERE recognised IS NULL") ?? 0 }
    }

    /// Stores what OCR made of `job`, in one transaction: text goes into the attachment's text in
    /// target order, the interaction's `attachment_text` and its index row; a failure goes on the
    /// attachment's problems and the interaction gets the defect `attachment_unreadable`;
    /// `mentions` (what the text names) are added and the interaction's links refreshed; the job
    /// leaves the queue. False when the job is no longer queued (done by another pass, or its
    /// interaction erased or redacted meanwhile): nothing is changed.
    @discardableResult
    public func completeRecognition(
        _ job: RecognitionJob, _ outcome: RecognitionOutcome, mentions: [IdentifierMention]
    ) throws(ArchiveError) -> Bool {
        try write { db in
            guard try Bool.fetchOne(db, sql: """
                SELECT 1 FROM ocr_job
                WHERE id = ? AND interaction_id = ? AND attachment_position = ? AND target = ? AND recognised IS NULL
                """, arguments: [job.id, job.interactionID, job.attachmentPosition, job.target]) != nil
            else { return false }
            let attachment = AttachmentRow(interactionID: job.interactionID, position: job.attachmentPosition)
            switch outcome {
            case .text(let text):
                try db.execute(sql: "UPDATE ocr_job SET recognised = ? WHERE id = ?", arguments: [text, job.id])
            case .failed(let problem):
                try db.execute(sql: "DELETE FROM ocr_job WHERE id = ?", arguments: [job.id])
                try attachment.addProblems([problem], db)
            }
            try appendRecognisedText(of: attachment, db)
            if try AttachmentRow.insert(mentions, interaction: job.interactionID, db) {
                try Links.refresh(db, interactions: [job.interactionID])
            }
            return true
        }
    }

    /// Moves the recognised texts at the head of an attachment's queue (every earlier target
    /// done) into its text, and drops their jobs.
    private func appendRecognisedText(of attachment: AttachmentRow, _ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, recognised FROM ocr_job WHERE interaction_id = ? AND attachment_position = ? ORDER BY sequence
            """, arguments: [attachment.interactionID, attachment.position])
        var done: [Int64] = []
        var pieces: [String] = []
        for row in rows {
            guard let text = row["recognised"] as String? else { break }
            done.append(row["id"])
            if !text.isEmpty { pieces.append(text) }
        }
        guard !done.isEmpty else { return }
        try db.execute(sql: "DELETE FROM ocr_job WHERE id IN (\(done.map(String.init).joined(separator: ",")))")
        if !pieces.isEmpty {
            try attachment.append(text: pieces.joined(separator: "\n\n"), source: "ocr", db)
        }
    }
}
