import GRDB

extension ArchiveStore {
    /// What is wrong with the archive file: SQLite's integrity check, foreign keys that point
    /// nowhere, and full-text index rows that disagree with the interactions they index. Empty
    /// when all is well.
    public func integrityProblems() throws(ArchiveError) -> [String] {
        // The full-text check is an INSERT, so this runs on the writer; it changes nothing.
        try write { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            problems += try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                "foreign key: \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? -1) → \(row[2] as String? ?? "?")"
            }
            do {
                try db.execute(sql: "INSERT INTO interaction_fts (interaction_fts, rank) VALUES ('integrity-check', 1)")
            } catch {
                problems.append("full-text index: \(error)")
            }
            return problems
        }
    }
}
