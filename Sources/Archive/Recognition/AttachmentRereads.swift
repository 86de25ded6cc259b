import GRDB

/// An archived e-mail's attachments read again from its original (`arkisto extract --all`).
public struct InteractionReread: Sendable {
    public struct Attachment: Sendable {
        /// 0-based, as archived.
        public var position: Int
        public var text: String?
        public var textSource: String?
        public var problems: [String]
        public var pendingRecognition: [PendingRecognition]

        public init(position: Int, text: String?, textSource: String?, problems: [String], pendingRecognition: [PendingRecognition]) {
            self.position = position
            self.text = text
            self.textSource = textSource
            self.problems = problems
            self.pendingRecognition = pendingRecognition
        }
    }

    public var interactionID: Int64
    /// The attachments read again; those not found in the original are left as they are.
    public var attachments: [Attachment]
    /// What the attachments' texts name (added to the interaction's mentions).
    public var mentions: [IdentifierMention]

    public init(interactionID: Int64, attachments: [Attachment], mentions: [IdentifierMention]) {
        self.interactionID = interactionID
        self.attachments = attachments
        self.mentions = mentions
    }
}

extension ArchiveStore {
    /// The setting that holds the last interaction id an `extract --all` finished.
    static let rereadCheckpointKey = "attachment_reread_through"

    /// The e-mails with attachments whose original the archive keeps (not erased, not redacted),
    /// with ids above `after`, oldest first, at most `limit`.
    public func emailsWithOriginals(after id: Int64, limit: Int) throws(ArchiveError) -> [Int64] {
        try read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM interaction WHERE \(Self.rereadable) ORDER BY id LIMIT ?", arguments: [id, limit])
        }
    }

    /// How many e-mails with attachments and their original have ids above `after`.
    public func countEmailsWithOriginals(after id: Int64) throws(ArchiveError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction WHERE \(Self.rereadable)", arguments: [id]) ?? 0
        }
    }

    private static let rereadable = "id > ? AND kind = 'email' AND original_id IS NOT NULL AND has_attachment"

    /// Where an interrupted `extract --all` stopped: the last interaction id it finished; nil
    /// when none is under way.
    public func rereadCheckpoint() throws(ArchiveError) -> Int64? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.rereadCheckpointKey])
                .flatMap { Int64($0) }
        }
    }

    /// Ends a completed `extract --all`: the next one starts from the beginning.
    public func clearRereadCheckpoint() throws(ArchiveError) {
        try write { db in
            try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [Self.rereadCheckpointKey])
        }
    }

    /// Stores attachments read again, in one transaction with the checkpoint `through` (the last
    /// interaction id done): each attachment's text, source and problems, the interaction's
    /// `attachment_text` and index row, its OCR work queued anew (what was queued before goes),
    /// the defect `attachment_unreadable` when something could not be read, new mentions and the
    /// links they make. Interactions erased or redacted meanwhile are left alone.
    public func storeRereads(_ rereads: [InteractionReread], through: Int64) throws(ArchiveError) {
        try write { db in
            var mentioned: [Int64] = []
            for reread in rereads {
                let id = reread.interactionID
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM interaction WHERE id = ? AND original_id IS NOT NULL", arguments: [id]) != nil
                else { continue }
                try AttachmentRow.reindex(id, db) {
                    for a in reread.attachments {
                        try db.execute(sql: """
                            UPDATE attachment SET text = ?, text_source = ?, problems = ? WHERE interaction_id = ? AND position = ?
                            """, arguments: [a.text, a.text == nil ? nil : a.textSource, a.problems.joined(separator: "\n"), id, a.position])
                    }
                }
                if reread.attachments.contains(where: { !$0.problems.isEmpty }) {
                    try AttachmentRow.addUnreadableDefect(id, db)
                }
                try RecognitionQueue.drop(interaction: id, db)
                try RecognitionQueue.queue(reread.attachments.map { ($0.position, $0.pendingRecognition) }, interaction: id, db)
                if try AttachmentRow.insert(reread.mentions, interaction: id, db) { mentioned.append(id) }
            }
            if !mentioned.isEmpty { try Links.refresh(db, interactions: mentioned) }
            try db.execute(
                sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                arguments: [Self.rereadCheckpointKey, String(through)])
        }
    }
}
