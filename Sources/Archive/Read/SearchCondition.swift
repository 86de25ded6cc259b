import Foundation
import GRDB

/// What a search asks of interactions, as an algebra the archive turns into SQL with bound
/// parameters. The query layer builds it; no user text ever becomes SQL.
public indirect enum SearchCondition: Sendable, Equatable {
    /// An FTS5 expression over `interaction_fts` (the query layer quotes every term).
    case fullText(String)
    /// A participant whose address equals (value with `@`), whose domain is (`@domain`), or whose
    /// address or name begins with the value; nil role means any role.
    case participant(role: ParticipantRole?, value: String)
    case kind(InteractionKind)
    /// `start <= occurred_at < end`.
    case occurred(start: Date, end: Date)
    case isComplaint
    case isInspectionRequest
    case hasAttachment
    /// An attachment whose file name has these words next to each other (the value split at every
    /// character that is not a letter or digit, compared without case and diacritics), the last
    /// word a prefix when `prefix`.
    case attachmentName(String, prefix: Bool)
    /// Interactions linked with exact evidence to any of these customers.
    case customers([Int64])
    /// Helpdesk comments of tickets carrying this tag.
    case ticketTag(String)
    case all([SearchCondition])
    case any([SearchCondition])
    case none(SearchCondition)
}

/// How a text search finds its best page. Both modes score every match with bm25 today: the fast
/// way that skips matches which cannot reach the page (issue 14) is not built yet, so a measured
/// agreement between the two is 100 % by construction.
public enum RankingMode: Sendable, Equatable {
    /// The archive's fastest way to the page.
    case fast
    /// Scores every match with bm25: the reference a fast way is measured against.
    case exhaustive
}

/// A search to run: the condition, and the full-text expression that ranks and highlights hits
/// (nil ranks by time, newest first).
public struct SearchPlan: Sendable, Equatable {
    public var condition: SearchCondition?
    public var ranking: String?
    public var limit: Int?
    public var offset: Int
    public var mode: RankingMode

    public init(condition: SearchCondition?, ranking: String?, limit: Int?, offset: Int = 0, mode: RankingMode = .fast) {
        self.condition = condition
        self.ranking = ranking
        self.limit = limit
        self.offset = offset
        self.mode = mode
    }
}

/// SQL for a condition over `interaction i`, with its arguments in order.
struct SQLCondition {
    var sql: String
    var arguments: [any DatabaseValueConvertible & Sendable]

    init(_ condition: SearchCondition) {
        var arguments: [any DatabaseValueConvertible & Sendable] = []
        sql = Self.render(condition, into: &arguments)
        self.arguments = arguments
    }

    private static func render(
        _ condition: SearchCondition, into arguments: inout [any DatabaseValueConvertible & Sendable]
    ) -> String {
        switch condition {
        case .fullText(let expression):
            arguments.append(expression)
            return "i.id IN (SELECT rowid FROM interaction_fts WHERE interaction_fts MATCH ?)"
        case .participant(let role, let value):
            let value = value.lowercased()
            var sql = "EXISTS (SELECT 1 FROM participant p WHERE p.interaction_id = i.id"
            if let role {
                sql += " AND p.role = ?"
                arguments.append(role.rawValue)
            }
            if value.hasPrefix("@") {
                sql += " AND p.address LIKE ? ESCAPE '\\'"
                arguments.append("%" + escapeLike(value))
            } else if value.contains("@") {
                sql += " AND p.address = ?"
                arguments.append(value)
            } else {
                // LIKE ignores the case of ASCII letters only: a value with other letters is
                // compared with the name lowercased as Swift does (`öhman` finds "Öhman"), an ASCII
                // one with the name as stored, which costs no function call per participant.
                let name = value.unicodeScalars.allSatisfy(\.isASCII) ? "p.name" : "\(DatabaseFunction.lowercase.name)(p.name)"
                sql += " AND (p.address LIKE ? ESCAPE '\\' OR \(name) LIKE ? ESCAPE '\\' OR \(name) LIKE ? ESCAPE '\\')"
                arguments.append(escapeLike(value) + "%")
                arguments.append(escapeLike(value) + "%")
                arguments.append("% " + escapeLike(value) + "%")
            }
            return sql + ")"
        case .kind(let kind):
            arguments.append(kind.rawValue)
            return "i.kind = ?"
        case .occurred(let start, let end):
            arguments.append(Timestamp.format(start))
            arguments.append(Timestamp.format(end))
            return "(i.occurred_at >= ? AND i.occurred_at < ?)"
        case .isComplaint:
            return "i.is_complaint = 1"
        case .isInspectionRequest:
            return "i.is_inspection_request = 1"
        case .hasAttachment:
            return "i.has_attachment = 1"
        case .attachmentName(let name, let prefix):
            guard let expression = AttachmentNameIndex.expression(words: AttachmentNameIndex.words(of: name), prefix: prefix)
            else { return "0" }
            arguments.append(expression)
            // The names' index gives the attachments, their rows the interactions: no function
            // runs per attachment, and the set is made once however many rows the rest leaves.
            return """
                i.id IN (SELECT a.interaction_id FROM attachment a WHERE a.id IN (
                    SELECT rowid FROM \(AttachmentNameIndex.table) WHERE \(AttachmentNameIndex.table) MATCH ?))
                """
        case .customers(let ids):
            guard !ids.isEmpty else { return "0" }
            arguments.append(contentsOf: ids.map { $0 as any DatabaseValueConvertible & Sendable })
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            return """
                i.id IN (SELECT interaction_id FROM interaction_customer
                         WHERE strength = 'exact' AND customer_id IN (\(marks)))
                """
        case .ticketTag(let tag):
            // The tag as a whole word of the space-separated list, compared exactly: `%` and `_`
            // in a tag are characters like any other, not wildcards.
            arguments.append(" " + tag.lowercased() + " ")
            return """
                i.id IN (SELECT c.interaction_id FROM ticket_comment c JOIN ticket t ON t.id = c.ticket_id
                         WHERE instr(' ' || lower(t.tags) || ' ', ?) > 0)
                """
        case .all(let conditions):
            guard !conditions.isEmpty else { return "1" }
            return "(" + conditions.map { render($0, into: &arguments) }.joined(separator: " AND ") + ")"
        case .any(let conditions):
            guard !conditions.isEmpty else { return "0" }
            return "(" + conditions.map { render($0, into: &arguments) }.joined(separator: " OR ") + ")"
        case .none(let condition):
            return "NOT " + render(condition, into: &arguments)
        }
    }

    /// `value` with LIKE's wildcards (`%`, `_`) and the escape character escaped, for `LIKE ? ESCAPE '\\'`.
    /// Works on Unicode scalars: `%` followed by a combining mark is one character that is not `%`,
    /// but SQLite's LIKE reads the `%`.
    static func escapeLike(_ value: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if scalar == "\\" || scalar == "%" || scalar == "_" { escaped.append("\\") }
            escaped.append(scalar)
        }
        return String(escaped)
    }
}
