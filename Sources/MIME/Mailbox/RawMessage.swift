/// One message as stored in its source, before any parsing.
public struct RawMessage: Sendable {
    /// The message exactly as it was written. For mbox: after `>From ` un-escaping, without the
    /// `From ` line and without the separator newline before the next one, so that its SHA-256
    /// equals the SHA-256 of the message that was appended to the mbox.
    public var bytes: [UInt8]
    public var location: SourceLocation
    /// The mbox `From ` line after `From ` (sender and date), nil for other sources.
    public var envelope: String?

    public init(bytes: [UInt8], location: SourceLocation, envelope: String? = nil) {
        self.bytes = bytes
        self.location = location
        self.envelope = envelope
    }
}

/// What a ``MailboxReader`` yields: a message, or a place in the source that could not be read.
/// A reader never stops a whole source because of one bad file or message.
public enum MailboxItem: Sendable {
    case message(RawMessage)
    /// A message larger than the reader's limit, not loaded.
    case oversized(SourceLocation, size: Int64, limit: Int)
    /// A file that could not be read, or bytes that are not a message (such as text before the
    /// first `From ` line of an mbox), with a reason for a human.
    case unreadable(SourceLocation, reason: String)

    /// Where the item is, whatever its kind.
    public var location: SourceLocation {
        switch self {
        case .message(let message): message.location
        case .oversized(let location, _, _): location
        case .unreadable(let location, _): location
        }
    }
}

extension MailboxItem {
    /// Why an oversized message was not read, for a human.
    public static func oversizedReason(size: Int64, limit: Int) -> String {
        "message of \(size) bytes exceeds the limit of \(limit) bytes"
    }
}
