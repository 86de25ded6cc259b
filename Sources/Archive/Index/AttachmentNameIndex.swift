import GRDB

/// The words of attachments' file names, for the search field `filename:`: an FTS5 table over
/// `attachment.filename` with SQLite's own `unicode61` tokenizer, which splits a name at every
/// character that is not a letter or digit (`Lasku_2025-02.PDF`: `lasku`, `2025`, `02`, `pdf`)
/// and compares without case and diacritics (`kayttoehdot` finds `Käyttöehdot.pdf`). Triggers keep
/// it in step with the table, so the writer and erasure need not know it exists.
enum AttachmentNameIndex {
    static let table = "attachment_name_fts"

    static let migration = "v5-surface: attachment file names searchable word by word"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE \(table) USING fts5(
                filename, content='attachment', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
            );
            CREATE TRIGGER attachment_name_insert AFTER INSERT ON attachment BEGIN
                INSERT INTO \(table) (rowid, filename) VALUES (new.id, new.filename);
            END;
            CREATE TRIGGER attachment_name_delete AFTER DELETE ON attachment BEGIN
                INSERT INTO \(table) (\(table), rowid, filename) VALUES ('delete', old.id, old.filename);
            END;
            CREATE TRIGGER attachment_name_update AFTER UPDATE OF filename ON attachment BEGIN
                INSERT INTO \(table) (\(table), rowid, filename) VALUES ('delete', old.id, old.filename);
                INSERT INTO \(table) (rowid, filename) VALUES (new.id, new.filename);
            END;
            INSERT INTO \(table) (\(table)) VALUES ('rebuild');
            """)
    }

    /// The FTS5 expression for the words of a name, next to each other, the last a prefix when
    /// `prefix`; nil when there is no word. Each word is quoted: only letters and digits reach
    /// MATCH.
    static func expression(words: [String], prefix: Bool) -> String? {
        guard !words.isEmpty else { return nil }
        let quoted = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return quoted.joined(separator: " + ") + (prefix ? " *" : "")
    }

    /// The words of a file name as `filename:` compares them: runs of letters and digits, lowercased.
    static func words(of name: String) -> [String] {
        name.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map { $0.lowercased() }
    }

    /// Drops the entries of deleted and renamed attachments that FTS5 keeps in older segments.
    static func purgeDeletedEntries(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO \(table) (\(table)) VALUES ('optimize')")
    }
}
