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
            for (column, condition) in [("complaint_signal", complaint), ("inspection_signal", inspection)] {
                let sql = SQLCondition(condition)
                let matching = "SELECT i.id FROM interaction i WHERE \(sql.sql)"
                try db.execute(
                    sql: "UPDATE interaction SET \(column) = 1 WHERE \(column) = 0 AND id IN (\(matching))",
                    arguments: StatementArguments(sql.arguments))
                try db.execute(
                    sql: "UPDATE interaction SET \(column) = 0 WHERE \(column) = 1 AND id NOT IN (\(matching))",
                    arguments: StatementArguments(sql.arguments))
            }
            let complaints = try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction WHERE is_complaint") ?? 0
            let inspections = try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction WHERE is_inspection_request") ?? 0
            return (complaints, inspections)
        }
    }
}
