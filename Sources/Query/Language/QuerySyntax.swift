import Archive
import Foundation

/// A parsed query, as the agent typed it.
public indirect enum QueryNode: Equatable, Sendable {
    case text(TextTerm)
    case filter(QueryFilter)
    case and([QueryNode])
    case or([QueryNode])
    case not(QueryNode)
}

/// Something to look for in the text of interactions.
public struct TextTerm: Equatable, Sendable {
    public enum Form: Equatable, Sendable {
        /// Any inflection of the word (and compounds containing it).
        case word(String)
        /// The words next to each other, in order, each in any inflection.
        case phrase([String])
        /// Words beginning with this.
        case prefix(String)
        /// Only this written form.
        case exact(String)
    }

    public var form: Form
    /// Limits the term to one column (`subject:`); nil means every text column.
    public var column: TextColumn?

    public init(_ form: Form, column: TextColumn? = nil) {
        self.form = form
        self.column = column
    }
}

/// A column of the full-text index; the raw value is its name there.
public enum TextColumn: String, Equatable, Sendable {
    case subject
    case body
    /// The attachments' file names and texts, attached messages' text included.
    case attachmentText = "attachment_text"
}

/// A condition on an interaction's metadata.
public enum QueryFilter: Equatable, Sendable {
    case from(String)
    case to(String)
    case customer(String)
    case kind(InteractionKind)
    case isComplaint
    case isInspectionRequest
    case hasAttachment
    /// An attachment whose file name has these words (split at every character that is not a
    /// letter or digit: `lasku.pdf` is `lasku pdf`), the last a prefix when `prefix`.
    case filename(String, prefix: Bool)
    /// Helpdesk comments of tickets with this tag.
    case tag(String)
    /// Half-open: `start <= occurred_at < end`, UTC.
    case date(start: Date, end: Date)
}

/// A query that cannot be read, with the position (0-based, in characters) of the problem.
public struct QuerySyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var position: Int
    public var query: String
    /// The limit the query is over (``QueryLimits``), or nil when it is malformed.
    public var limit: QueryLimit? = nil

    public var description: String {
        "\(message) at position \(position + 1)"
    }

    /// The query with a caret under the offending position, for a terminal (two indented lines).
    /// A long query is shown as the stretch around the position, cut with `…`.
    public var pointer: String {
        let characters = Array(query)
        let position = min(max(position, 0), characters.count)
        let start = max(0, position - Self.pointerContext)
        let end = min(characters.count, position + Self.pointerContext)
        let before = start > 0 ? "…" : ""
        let after = end < characters.count ? "…" : ""
        return "  " + before + String(characters[start..<end]) + after + "\n  "
            + String(repeating: " ", count: before.count + position - start) + "^"
    }

    /// How many characters the pointer shows on either side of the position.
    static let pointerContext = 40
}
