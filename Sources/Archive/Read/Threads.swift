import GRDB

extension ArchiveStore {
    /// The source references of every interaction in the thread of `sourceRef`, oldest first.
    public func threadMembers(of sourceRef: String) throws(ArchiveError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT source_ref FROM interaction
                WHERE thread_id IN (SELECT thread_id FROM interaction WHERE source_ref = ?)
                ORDER BY occurred_at, id
                """, arguments: [sourceRef])
        }
    }
}
