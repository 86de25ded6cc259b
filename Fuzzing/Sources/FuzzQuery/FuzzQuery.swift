@testable import Archive
import FuzzSupport
import GRDB
@testable import Query

/// One input is one query as an agent types it (UTF-8; invalid bytes become U+FFFD): parsed, its
/// error message and caret rendered, or planned and turned into SQL. No archive is involved; each
/// full-text expression the planner writes is checked against an empty FTS5 table in memory,
/// because the design promises that no query reaches FTS5 as a syntax error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let query = String(decoding: FuzzInput.bytes(data, size), as: UTF8.self)
    let node: QueryNode
    do {
        node = try QueryParser().parse(query)
    } catch {
        _ = error.description
        _ = error.pointer
        return 0
    }
    let planner = SearchPlanner(resolveCustomer: { value in value.isEmpty ? [] : [1, 2] })
    let plan = planner.plan(node, limit: 20, offset: 0)
    let condition = planner.matchingCondition(for: node)
    _ = plan.condition.map(SQLCondition.init)
    _ = SQLCondition(condition)
    var expressions = plan.ranking.map { [$0] } ?? []
    expressions += plan.condition.map(FullTextExpressions.of) ?? []
    expressions += FullTextExpressions.of(condition)
    for expression in expressions {
        FullTextSyntax.check(expression, query: query)
    }
    return 0
}

/// The FTS5 expressions inside a condition.
enum FullTextExpressions {
    static func of(_ condition: SearchCondition) -> [String] {
        switch condition {
        case .fullText(let expression): [expression]
        case .all(let conditions), .any(let conditions): conditions.flatMap(of)
        case .none(let inner): of(inner)
        // `filename:` words reach their own index only as quoted letters and digits
        // (AttachmentNameIndex.expression): nothing of the user's text to check here.
        case .participant, .kind, .occurred, .isComplaint, .isInspectionRequest, .hasAttachment, .customers,
             .ticketTag, .attachmentName:
            []
        }
    }
}

/// An empty FTS5 table with the archive's columns, in memory, to try expressions against.
enum FullTextSyntax {
    private static let database: DatabaseQueue = {
        do {
            let queue = try DatabaseQueue()
            try queue.write { db in
                try db.execute(sql: "CREATE VIRTUAL TABLE interaction_fts USING fts5(subject, body, participants, attachment_text)")
            }
            return queue
        } catch {
            ScratchFolder.harnessFailure("cannot create an in-memory FTS5 table: \(error)")
        }
    }()

    /// Limits of SQLite's FTS5 expression parser that deep or long queries reach; the query layer's
    /// own limits on nesting and terms are a known open finding, so these are not reported here.
    private static let knownLimits = ["parser stack overflow", "Expression tree is too large", "too many"]

    static func check(_ expression: String, query: String) {
        do {
            _ = try database.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction_fts WHERE interaction_fts MATCH ?", arguments: [expression])
            }
        } catch {
            let message = "\(error)"
            if knownLimits.contains(where: message.contains) { return }
            fatalError("the planner wrote an FTS5 expression SQLite refuses: \(message)\nexpression: \(expression)\nquery: \(query)")
        }
    }
}
