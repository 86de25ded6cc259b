/// Something wrong with a message that the parser worked around. Recorded, never thrown.
public struct Defect: Hashable, Sendable {
    public var kind: Kind
    /// What and where, for a human.
    public var detail: String

    public init(_ kind: Kind, _ detail: String = "") {
        self.kind = kind
        self.detail = detail
    }

    /// Stable names: they are stored in the archive and printed by `arkisto parse`.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case missingClosingBoundary = "missing_closing_boundary"
        case missingBoundaryParameter = "missing_boundary_parameter"
        /// A multipart body without any delimiter line: kept whole as one undecoded leaf.
        case startBoundaryNotFound = "start_boundary_not_found"
        case unknownCharset = "unknown_charset"
        case invalidCharacters = "invalid_characters"
        case undeclared8BitHeader = "undeclared_8bit_header"
        case invalidBase64 = "invalid_base64"
        case invalidQuotedPrintable = "invalid_quoted_printable"
        case malformedHeader = "malformed_header"
        case malformedAddress = "malformed_address"
        case malformedDate = "malformed_date"
        case malformedEncodedWord = "malformed_encoded_word"
        case nulBytes = "nul_bytes"
        case mixedLineEndings = "mixed_line_endings"
        case missingHeaderBodySeparator = "missing_header_body_separator"
        case emptyBody = "empty_body"
        /// Parts nested deeper than ``ParseLimits/maxNestingDepth`` were kept unparsed.
        case nestingTooDeep = "nesting_too_deep"
    }
}

/// Hard limits; a message over one is not parsed but quarantined with the reason.
public struct ParseLimits: Sendable, Hashable {
    public var maxMessageBytes: Int
    public var maxNestingDepth: Int
    public var maxHeaderLineBytes: Int
    public var maxParts: Int

    public init(maxMessageBytes: Int, maxNestingDepth: Int, maxHeaderLineBytes: Int, maxParts: Int) {
        self.maxMessageBytes = maxMessageBytes
        self.maxNestingDepth = maxNestingDepth
        self.maxHeaderLineBytes = maxHeaderLineBytes
        self.maxParts = maxParts
    }

    public static let `default` = ParseLimits(
        maxMessageBytes: 64 << 20, maxNestingDepth: 100, maxHeaderLineBytes: 1 << 20, maxParts: 10_000)
}

/// A message over one of the ``ParseLimits``.
public struct LimitExceeded: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Limit: String, Sendable, Codable {
        case messageSize = "message_too_large"
        case headerLineLength = "header_line_too_long"
        case partCount = "too_many_parts"
    }

    public var limit: Limit
    /// The limit in force and the value found.
    public var allowed: Int
    public var found: Int

    public init(_ limit: Limit, allowed: Int, found: Int) {
        self.limit = limit
        self.allowed = allowed
        self.found = found
    }

    public var description: String {
        switch limit {
        case .messageSize: "message of \(found) bytes exceeds the limit of \(allowed) bytes"
        case .headerLineLength: "header line of \(found) bytes exceeds the limit of \(allowed) bytes"
        case .partCount: "more than \(allowed) MIME parts"
        }
    }
}
