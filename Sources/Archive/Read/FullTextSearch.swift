import Foundation
import GRDB

public struct SearchHit: Sendable, Codable {
    public var interactionID: Int64
    public var kind: InteractionKind
    public var sourceRef: String
    public var occurredAt: Date?
    public var subject: String
    public var participants: String
    /// The best matching passage; matched words are wrapped in ``SearchHit/highlightStart`` and
    /// ``SearchHit/highlightEnd``.
    public var snippet: String
    /// Higher is better; 0 when the search ranks by time.
    public var score: Double

    public static let highlightStart = "\u{2}"
    public static let highlightEnd = "\u{3}"
}

public struct SearchPage: Sendable {
    public var total: Int
    public var hits: [SearchHit]
}

extension ArchiveStore {
    /// Column weights for bm25 (subject, body, participants, attachment text).
    static let bm25Weights = "10.0, 1.0, 4.0, 0.5"

    public func search(_ plan: SearchPlan) throws(ArchiveError) -> SearchPage {
        let condition = plan.condition.map(SQLCondition.init)
        return try read { db in
            var from = "interaction i"
            var filters: [String] = []
            var arguments: [any DatabaseValueConvertible & Sendable] = []
            let select: String
            let order: String
            if let ranking = plan.ranking {
                from = "interaction_fts JOIN interaction i ON i.id = interaction_fts.rowid"
                filters.append("interaction_fts MATCH ?")
                arguments.append(ranking)
                select = "snippet(interaction_fts, -1, ?, ?, '…', 16) AS snippet, bm25(interaction_fts, \(Self.bm25Weights)) AS rank"
                order = "rank, i.id"
            } else {
                select = "substr(i.body, 1, 160) AS snippet, 0.0 AS rank"
                order = "i.occurred_at DESC, i.id DESC"
            }
            if let condition {
                filters.append(condition.sql)
                arguments += condition.arguments
            }
            let whereClause = filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND ")
            let total = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM \(from) \(whereClause)", arguments: StatementArguments(arguments)) ?? 0

            var pageArguments: [any DatabaseValueConvertible & Sendable] = []
            if plan.ranking != nil {
                pageArguments += [SearchHit.highlightStart, SearchHit.highlightEnd]
            }
            pageArguments += arguments
            pageArguments += [plan.limit ?? -1, plan.offset]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT i.id, i.kind, i.source_ref, i.occurred_at, i.subject, i.participants, \(select)
                    FROM \(from) \(whereClause)
                    ORDER BY \(order)
                    LIMIT ? OFFSET ?
                    """,
                arguments: StatementArguments(pageArguments))
            let hits = rows.map { row in
                SearchHit(
                    interactionID: row["id"],
                    kind: InteractionKind(rawValue: row["kind"]) ?? .email,
                    sourceRef: row["source_ref"],
                    occurredAt: (row["occurred_at"] as String?).flatMap(Timestamp.parse),
                    subject: row["subject"],
                    participants: row["participants"],
                    snippet: row["snippet"] ?? "",
                    score: -(row["rank"] as Double? ?? 0))
            }
            return SearchPage(total: total, hits: hits)
        }
    }
}
