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
    /// The attachment (file name, or type when it has none) whose text ``snippet`` comes from; nil
    /// when it comes from the subject, body or participants.
    public var snippetAttachment: String? = nil
    /// Higher is better; 0 when the search ranks by time. Negative for a hit whose matches all
    /// stand in the participants (names and addresses): such hits come after every hit that
    /// matches in the subject, body or attachment text.
    public var score: Double

    public static let highlightStart = "\u{2}"
    public static let highlightEnd = "\u{3}"
}

public struct SearchPage: Sendable {
    public var total: Int
    public var hits: [SearchHit]
}

/// How the index ranks: bm25 with column weights (subject, body, participants, attachment text),
/// in two tiers: rows that match in the subject, body or attachment text first, then rows that
/// match only in the participants. A word in a display name ("Asiakaspalvelu <support@…>") keeps
/// finding the messages that person sent or got, but never above a message that is about it.
enum FullTextRanking {
    static let bm25Weights = "10.0, 1.0, 4.0, 0.5"
    /// The index of `participants` among the columns of `interaction_fts`: matches only there
    /// rank in the second tier.
    static let participantsColumn = 2

    /// The score of the current row, lower is better (see `Sources/CFullTextRank`): FTS5's `bm25`
    /// for a row with a match outside the participants (a negative number), bm25 minus an offset
    /// above any bm25 of the query for a row that matches only there (a positive number).
    /// `docsize` is the row's `interaction_fts_docsize.sz`, `hits` the number of rows the MATCH
    /// expression matches when no other condition narrows them, else the phrases' document
    /// frequencies from `arkisto_phrase_hits` (or NULL, to have them counted once per query).
    static func function(docsize: String, hits: String) -> String {
        "arkisto_bm25(interaction_fts, \(docsize), \(hits), \(participantsColumn), \(bm25Weights))"
    }
}

extension ArchiveStore {
    /// Runs `plan` on a reader. With a `timeLimit`, the search is stopped when it runs longer
    /// (``SearchStop/timeLimit(_:)``); a statement SQLite refuses for its size is
    /// ``SearchStop/tooComplex(_:)``, never a raw SQLite error.
    public func search(_ plan: SearchPlan, timeLimit: Duration? = nil) throws(ArchiveSearchError) -> SearchPage {
        try search(plan, timeLimit: timeLimit, conditionDrivenLimit: RankedFilter.conditionDrivenLimit)
    }

    /// ``search(_:timeLimit:)`` with the largest number of interactions passing the conditions
    /// from which a ranked search starts (see ``RankedFilter``), so tests can take either way.
    func search(
        _ plan: SearchPlan, timeLimit: Duration?, conditionDrivenLimit: Int
    ) throws(ArchiveSearchError) -> SearchPage {
        let condition = plan.condition.map(SQLCondition.init)
        do {
            return try pool.read { db in
                try SearchDeadline.run(db, limit: timeLimit) {
                    if let ranking = plan.ranking {
                        let filter = try condition.map {
                            ($0, try RankedFilter.choose(db, condition: $0, limit: conditionDrivenLimit))
                        }
                        return try rankedSearch(db, match: ranking, filter: filter, limit: plan.limit, offset: plan.offset)
                    } else {
                        return try recentSearch(db, condition: condition, limit: plan.limit, offset: plan.offset)
                    }
                }
            }
        } catch let stop as SearchStop {
            throw .stopped(stop)
        } catch let error as DatabaseError {
            if let stop = SearchStop.sizeRefusal(in: error.message ?? "") { throw .stopped(stop) }
            throw .archive(ArchiveError(path: path, underlying: error))
        } catch {
            throw .archive(ArchiveError(path: path, underlying: error))
        }
    }

    /// Pages longer than this get their snippets while the matches are scanned.
    static let snippetLookupLimit = 100

    /// Text matches, best first. Every match is scored (bm25 by ``FullTextRanking``) and SQLite keeps
    /// only the best `offset + limit` while it goes; only the page's rows then get an interaction row
    /// (and, on a short page, a snippet). The row's length comes from the docsize table by a join: FTS5's own per-row
    /// lookup of it costs three times the rest of the scoring on a search that matches much of
    /// the archive.
    private func rankedSearch(
        _ db: Database, match: String, filter conditionFilter: (SQLCondition, RankedFilter)?, limit: Int?, offset: Int
    ) throws -> SearchPage {
        var filter = " AND f.rowid NOT IN (\(InteractionVersions.superseded))"
        var filterArguments: [any DatabaseValueConvertible & Sendable] = []
        if let (condition, strategy) = conditionFilter {
            filter += strategy.sql(condition)
            filterArguments = condition.arguments
        }
        let total = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM interaction_fts f WHERE interaction_fts MATCH ?\(filter)",
            arguments: StatementArguments([match] + filterArguments)) ?? 0
        guard total > 0 else { return SearchPage(total: 0, hits: []) }
        let phraseHits = try conditionFilter == nil ? total.databaseValue : Self.phraseHits(db, match: match)
        // A short page gets its snippets afterwards, one lookup per row; a long one (or every hit)
        // while scanning, since a lookup parses the query again.
        let snippetsWhileScanning = limit.map { $0 > Self.snippetLookupLimit } ?? true
        let snippet = "snippet(interaction_fts, -1, ?, ?, '\(SnippetSource.ellipsis)', 16)"
        let highlight: [any DatabaseValueConvertible & Sendable] = [SearchHit.highlightStart, SearchHit.highlightEnd]
        let rows = try Row.fetchAll(
            db,
            sql: """
                WITH page AS (
                    SELECT f.rowid AS id, \(FullTextRanking.function(docsize: "d.sz", hits: "?")) AS score
                        \(snippetsWhileScanning ? ", \(snippet) AS snippet" : "")
                    FROM interaction_fts f JOIN interaction_fts_docsize d ON d.id = f.rowid
                    WHERE interaction_fts MATCH ?\(filter)
                    ORDER BY score, id LIMIT ? OFFSET ?
                )
                SELECT i.id, i.kind, i.source_ref, i.occurred_at, i.subject, i.participants, i.has_attachment, page.score AS rank,
                    \(snippetsWhileScanning ? "page.snippet" : """
                    (SELECT \(snippet) FROM interaction_fts WHERE interaction_fts MATCH ? AND rowid = page.id)
                    """) AS snippet
                FROM page JOIN interaction i ON i.id = page.id
                ORDER BY page.score, i.id
                """,
            arguments: StatementArguments(
                [phraseHits] + (snippetsWhileScanning ? highlight : []) + [match] + filterArguments
                    + [limit ?? -1, offset] + (snippetsWhileScanning ? [] : highlight + [match])))
        let hits = try rows.map { row in
            var hit = SearchHit(row: row)
            if row["has_attachment"] == true {
                hit.snippetAttachment = try SnippetSource.attachment(of: hit.snippet, interactionID: hit.interactionID, db)
                if let name = hit.snippetAttachment { hit.snippet = SnippetSource.droppingLeadingName(name, from: hit.snippet) }
            }
            return hit
        }
        return SearchPage(total: total, hits: hits)
    }

    /// Each phrase's document frequency in `match`, for ``FullTextRanking/function(docsize:hits:)``
    /// when conditions narrow the rows: computed once here rather than by the ranking function
    /// in each query FTS5 starts, which is once per rowid when the search starts from the
    /// conditions (``RankedFilter/drivenByConditions``).
    private static func phraseHits(_ db: Database, match: String) throws -> DatabaseValue {
        try DatabaseValue.fetchOne(
            db, sql: "SELECT arkisto_phrase_hits(interaction_fts) FROM interaction_fts WHERE interaction_fts MATCH ? LIMIT 1",
            arguments: [match]) ?? .null
    }

    /// Filters alone: newest first.
    private func recentSearch(_ db: Database, condition: SQLCondition?, limit: Int?, offset: Int) throws -> SearchPage {
        let whereClause = "WHERE i.id NOT IN (\(InteractionVersions.superseded))" + (condition.map { " AND (\($0.sql))" } ?? "")
        let arguments = condition?.arguments ?? []
        let total = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM interaction i \(whereClause)", arguments: StatementArguments(arguments)) ?? 0
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT i.id, i.kind, i.source_ref, i.occurred_at, i.subject, i.participants,
                    substr(i.body, 1, 160) AS snippet, 0.0 AS rank
                FROM interaction i \(whereClause)
                ORDER BY i.occurred_at DESC, i.id DESC
                LIMIT ? OFFSET ?
                """,
            arguments: StatementArguments(arguments + [limit ?? -1, offset]))
        return SearchPage(total: total, hits: rows.map(SearchHit.init(row:)))
    }
}

extension SearchHit {
    init(row: Row) {
        interactionID = row["id"]
        kind = InteractionKind(rawValue: row["kind"]) ?? .email
        sourceRef = row["source_ref"]
        occurredAt = (row["occurred_at"] as String?).flatMap(Timestamp.parse)
        subject = row["subject"]
        participants = row["participants"]
        snippet = row["snippet"] ?? ""
        score = -(row["rank"] as Double? ?? 0)
    }
}
