import Foundation
import GRDB

/// A search the archive runs: an FTS5 expression built by the query layer (every term quoted) and
/// filters that become bound parameters.
public struct FullTextRequest: Sendable {
    /// An FTS5 MATCH expression, or nil for filters alone.
    public var match: String?
    public var limit: Int?
    public var offset: Int

    public init(match: String?, limit: Int?, offset: Int = 0) {
        self.match = match
        self.limit = limit
        self.offset = offset
    }
}

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
    /// Higher is better.
    public var score: Double

    public static let highlightStart = "\u{2}"
    public static let highlightEnd = "\u{3}"
}

public struct SearchPage: Sendable {
    public var total: Int
    public var hits: [SearchHit]
}

extension ArchiveStore {
    /// Column weights for bm25: subject and participants count more than the body.
    static let bm25Weights = "10.0, 1.0, 4.0, 0.5"

    public func search(_ request: FullTextRequest) throws(ArchiveError) -> SearchPage {
        try read { db in
            guard let match = request.match else {
                return SearchPage(total: 0, hits: [])
            }
            let total = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM interaction_fts WHERE interaction_fts MATCH ?", arguments: [match]) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT i.id, i.kind, i.source_ref, i.occurred_at, i.subject, i.participants,
                        snippet(interaction_fts, -1, ?, ?, '…', 16) AS snippet,
                        bm25(interaction_fts, \(Self.bm25Weights)) AS rank
                    FROM interaction_fts JOIN interaction i ON i.id = interaction_fts.rowid
                    WHERE interaction_fts MATCH ?
                    ORDER BY rank, i.id
                    LIMIT ? OFFSET ?
                    """,
                arguments: [SearchHit.highlightStart, SearchHit.highlightEnd, match, request.limit ?? -1, request.offset])
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
