import GRDB

extension ArchiveStore {
    /// Which of these one-message files (a Maildir's or `.eml` files, recorded at offset 0) the
    /// archive holds an original from. Quarantined files are not among them: they are read again
    /// on every run, so that a file that could not be read, or a parser that learnt better, gets
    /// another chance (a quarantined record is never stored twice).
    ///
    /// A batch's originals, their places and its interactions commit together, so after a crash
    /// every path returned here was completely written, and every other one still needs reading.
    public func archivedSourcePaths(_ paths: [String]) throws(ArchiveError) -> Set<String> {
        try read { db in
            let located = try db.cachedStatement(
                sql: "SELECT 1 FROM source_location WHERE path = ? AND source_offset = 0 LIMIT 1")
            var found = Set<String>()
            for path in paths where try Bool.fetchOne(located, arguments: [path]) != nil {
                found.insert(path)
            }
            return found
        }
    }
}
