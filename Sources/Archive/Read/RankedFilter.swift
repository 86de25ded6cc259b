import GRDB

/// How a ranked search joins its text match with its other conditions (a kind, a date range, a
/// customer): the SQL that keeps only the text matches the conditions allow.
///
/// SQLite hands `rowid IN (…)` on the full-text table to FTS5 as a rowid constraint and runs the
/// whole MATCH once per rowid of the set, which on a set of 100,000 interactions (`kind:email`,
/// `date:2025`) takes minutes. So the set is made once and each text match is looked up in it
/// (`+rowid` stops SQLite from handing the constraint to FTS5), unless the set is small enough for
/// per-rowid lookups to cost less than going through every text match.
enum RankedFilter: Equatable {
    /// Few interactions pass the conditions: FTS5 finds each of them by its rowid.
    case drivenByConditions
    /// Many do: their ids are collected once, and every text match is looked up among them.
    case drivenByText

    /// Up to this many interactions passing the conditions, the search starts from them.
    static let conditionDrivenLimit = 64

    /// The strategy for `condition`: counts the interactions that pass it, up to `limit` + 1.
    static func choose(_ db: Database, condition: SQLCondition, limit: Int = conditionDrivenLimit) throws -> RankedFilter {
        guard limit > 0 else { return .drivenByText }
        let count = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM (SELECT 1 FROM interaction i WHERE \(condition.sql) LIMIT ?)",
            arguments: StatementArguments(condition.arguments + [limit + 1])) ?? 0
        return count <= limit ? .drivenByConditions : .drivenByText
    }

    /// The SQL to append to a `WHERE interaction_fts MATCH ?` over `interaction_fts f`.
    func sql(_ condition: SQLCondition) -> String {
        switch self {
        case .drivenByConditions: " AND f.rowid IN (SELECT i.id FROM interaction i WHERE \(condition.sql))"
        case .drivenByText: " AND +f.rowid IN (SELECT i.id FROM interaction i WHERE \(condition.sql))"
        }
    }
}
