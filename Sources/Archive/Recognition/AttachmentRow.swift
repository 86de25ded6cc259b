import GRDB

/// Changing the text of one archived attachment after its interaction was written (OCR text
/// arriving, attachments read again): the attachment row, the interaction's `attachment_text`
/// and its full-text index row change together, the index row deleted with its exact old values
/// first (the index is external-content).
struct AttachmentRow {
    var interactionID: Int64
    var position: Int

    /// Adds `text` after the attachment's text; `source` becomes its text source when it had no
    /// text before.
    func append(text: String, source: String, _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT text, text_source FROM attachment WHERE interaction_id = ? AND position = ?
            """, arguments: [interactionID, position]) else { return }
        let old: String? = row["text"]
        let joined = [old, text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        let oldSource: String? = row["text_source"]
        try replace(text: joined, source: old?.isEmpty == false ? oldSource ?? source : source, db)
    }

    /// Sets the attachment's text and where it came from (nil: no text), and re-indexes the
    /// interaction.
    func replace(text: String?, source: String?, _ db: Database) throws {
        try Self.reindex(interactionID, db) {
            try db.execute(
                sql: "UPDATE attachment SET text = ?, text_source = ? WHERE interaction_id = ? AND position = ?",
                arguments: [text, text == nil ? nil : source, interactionID, position])
        }
    }

    /// Sets the attachment's problems (lines) and, when there are some, gives the interaction the
    /// defect `attachment_unreadable`.
    func setProblems(_ problems: [String], _ db: Database) throws {
        try db.execute(
            sql: "UPDATE attachment SET problems = ? WHERE interaction_id = ? AND position = ?",
            arguments: [problems.joined(separator: "\n"), interactionID, position])
        if !problems.isEmpty { try Self.addUnreadableDefect(interactionID, db) }
    }

    /// Adds problem lines to the attachment's and gives the interaction the defect.
    func addProblems(_ problems: [String], _ db: Database) throws {
        let old = try String.fetchOne(db, sql: "SELECT problems FROM attachment WHERE interaction_id = ? AND position = ?",
                                      arguments: [interactionID, position]) ?? ""
        let lines = old.split(separator: "\n").map(String.init)
        try setProblems(lines + problems.filter { !lines.contains($0) }, db)
    }

    static func addUnreadableDefect(_ interactionID: Int64, _ db: Database) throws {
        let defects = try String.fetchOne(db, sql: "SELECT defects FROM interaction WHERE id = ?", arguments: [interactionID]) ?? ""
        let names = defects.split(separator: " ").map(String.init)
        guard !names.contains(NewInteraction.attachmentUnreadable) else { return }
        try db.execute(
            sql: "UPDATE interaction SET defects = ? WHERE id = ?",
            arguments: [(names + [NewInteraction.attachmentUnreadable]).joined(separator: " "), interactionID])
    }

    /// Runs `change` (on the interaction's attachment rows) between taking the interaction's
    /// index row out and putting it back with the new `attachment_text`.
    static func reindex(_ interactionID: Int64, _ db: Database, change: () throws -> Void) throws {
        try FullTextRows.deleteIndexRows(where: "id = ?", db, arguments: [interactionID])
        try change()
        let attachments = try Row.fetchAll(db, sql: """
            SELECT filename, text FROM attachment WHERE interaction_id = ? ORDER BY position
            """, arguments: [interactionID]).map { row in (filename: row["filename"] as String?, text: row["text"] as String?) }
        try db.execute(
            sql: "UPDATE interaction SET attachment_text = ? WHERE id = ?",
            arguments: [NewInteraction.attachmentText(attachments), interactionID])
        try FullTextRows.insertIndexRow(id: interactionID, db)
    }

    /// Adds mentions to an interaction; true when one was new.
    static func insert(_ mentions: [IdentifierMention], interaction id: Int64, _ db: Database) throws -> Bool {
        var added = false
        for m in mentions {
            try db.execute(sql: """
                INSERT OR IGNORE INTO interaction_mention (interaction_id, kind, value, location, strength) VALUES (?, ?, ?, ?, ?)
                """, arguments: [id, m.kind.rawValue, m.value, m.location, m.strength.rawValue])
            added = added || db.changesCount > 0
        }
        return added
    }
}

extension NewInteraction {
    /// The defect of an interaction one of whose attachments could not be read in full (the
    /// reasons are on the attachment).
    public static let attachmentUnreadable = "attachment_unreadable"
}
