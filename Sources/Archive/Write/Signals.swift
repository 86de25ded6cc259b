import GRDB

extension ArchiveStore {
    /// Sets the complaint and inspection-request signals of every interaction from two conditions
    /// (the classification rules, written in the query language), touching only rows whose value
    /// changes. An interaction is then a complaint when its signal is set and the company did not
    /// write it. Returns how many interactions carry each flag.
    public func applySignals(complaint: SearchCondition, inspection: SearchCondition) throws(ArchiveError)
        -> (complaints: Int, inspectionRequests: Int)
    {
        try write { db in
            try Self.setSignals(db, complaint: complaint, inspection: inspection, scoped: false)
            let counts = try Row.fetchOne(db, sql: """
                SELECT count(*) FILTER (WHERE is_complaint), count(*) FILTER (WHERE is_inspection_request) FROM interaction
                """)
            return (counts?[0] ?? 0, counts?[1] ?? 0)
        }
    }

    /// Sets the two signals of the interactions in `scope` only.
    public func applySignals(complaint: SearchCondition, inspection: SearchCondition, scope: ClassificationScope) throws(ArchiveError) {
        guard !scope.isEmpty else { return }
        try write { db in
            try db.execute(sql: "CREATE TEMP TABLE signal_scope (id INTEGER PRIMARY KEY)")
            defer { try? db.execute(sql: "DROP TABLE temp.signal_scope") }
            if let after = scope.after {
                try db.execute(sql: "INSERT INTO temp.signal_scope SELECT id FROM interaction WHERE id > ?", arguments: [after])
            }
            for id in scope.ids {
                try db.execute(sql: "INSERT OR IGNORE INTO temp.signal_scope (id) VALUES (?)", arguments: [id])
            }
            try Self.setSignals(db, complaint: complaint, inspection: inspection, scoped: true)
        }
    }

    /// Sets both signals of every interaction, or of those in `temp.signal_scope` when `scoped`.
    /// Each matching set is found once (one full-text evaluation) and kept for both updates.
    private static func setSignals(_ db: Database, complaint: SearchCondition, inspection: SearchCondition, scoped: Bool) throws {
        let inScope = scoped ? "id IN temp.signal_scope AND " : ""
        for (column, condition) in [("complaint_signal", complaint), ("inspection_signal", inspection)] {
            let sql = SQLCondition(condition)
            try db.execute(sql: "CREATE TEMP TABLE signal_match (id INTEGER PRIMARY KEY)")
            try db.execute(
                sql: "INSERT INTO temp.signal_match SELECT i.id FROM interaction i WHERE \(scoped ? "i." + inScope : "")(\(sql.sql))",
                arguments: StatementArguments(sql.arguments))
            try db.execute(sql: """
                UPDATE interaction SET \(column) = 1 WHERE \(column) = 0 AND id IN temp.signal_match;
                UPDATE interaction SET \(column) = 0 WHERE \(inScope)\(column) = 1 AND id NOT IN temp.signal_match;
                DROP TABLE temp.signal_match;
                """)
        }
    }

    /// The newest interaction's id: what a run archives after it has larger ones.
    public func lastInteractionID() throws(ArchiveError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM interaction") ?? 0 }
    }
}

/// The interactions a classification applies to: those after an id, and some named ones.
public struct ClassificationScope: Sendable, Equatable {
    /// Every interaction with a larger id (nil: none by this rule).
    public var after: Int64?
    public var ids: [Int64]

    public init(after: Int64? = nil, ids: [Int64] = []) {
        self.after = after
        self.ids = ids
    }

    public var isEmpty: Bool { after == nil && ids.isEmpty }
}
