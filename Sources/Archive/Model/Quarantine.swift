import Foundation

/// Why a record was set aside instead of archived. Stable names: stored and printed.
public enum QuarantineReason: String, Sendable, Codable, CaseIterable, Comparable {
    case unreadable
    case messageTooLarge = "message_too_large"
    case headerLineTooLong = "header_line_too_long"
    case tooManyParts = "too_many_parts"
    case notAMessage = "not_a_message"
    case malformedRecord = "malformed_record"
    /// The comments of a helpdesk ticket beyond the importer's limit per ticket (the first ones are archived).
    case tooManyComments = "too_many_comments"
    /// A customer record given again later in the same import: the later record wins.
    case superseded

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A record the importer could not archive, kept with its raw bytes (when it could read them).
public struct QuarantineItem: Sendable {
    public var position: SourcePosition
    public var reason: QuarantineReason
    public var detail: String
    /// Nil when the source could not be read at all.
    public var original: IncomingOriginal?

    public init(position: SourcePosition, reason: QuarantineReason, detail: String, original: IncomingOriginal?) {
        self.position = position
        self.reason = reason
        self.detail = detail
        self.original = original
    }
}

/// A quarantine entry as stored.
public struct QuarantineEntry: Sendable, Codable {
    public var id: Int64
    public var position: SourcePosition
    public var reason: QuarantineReason
    public var detail: String
    public var size: Int
    public var sha256: String?
    public var quarantinedAt: Date
}
