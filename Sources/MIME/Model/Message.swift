import Foundation

/// A parsed Internet message: its headers as read, the decoded fields Arkisto needs, the MIME tree,
/// and every defect met on the way. Parsing never throws for malformed content; it throws only when
/// a hard limit of ``ParseLimits`` is exceeded.
public struct Message: Sendable {
    public var headers: HeaderFields
    /// Message-ID without angle brackets.
    public var messageID: String?
    /// The first message id of In-Reply-To, without angle brackets.
    public var inReplyTo: String?
    /// Every message id of References, in order, without angle brackets.
    public var references: [String]
    /// The Date header, normalised to UTC; nil when absent or unreadable.
    public var date: Date?
    /// The decoded subject.
    public var subject: String?
    public var from: [MailAddress]
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var bcc: [MailAddress]
    public var replyTo: [MailAddress]
    /// The root of the MIME tree.
    public var body: MessagePart
    /// Defects of this message and of all its parts, in the order met.
    public var defects: [Defect]

    public init(
        headers: HeaderFields, messageID: String?, inReplyTo: String?, references: [String], date: Date?,
        subject: String?, from: [MailAddress], to: [MailAddress], cc: [MailAddress], bcc: [MailAddress],
        replyTo: [MailAddress], body: MessagePart, defects: [Defect]
    ) {
        self.headers = headers
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.date = date
        self.subject = subject
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.replyTo = replyTo
        self.body = body
        self.defects = defects
    }
}

/// A display name and an addr-spec. Groups are flattened into their members.
public struct MailAddress: Hashable, Sendable, Codable {
    /// The decoded display name, or nil when the address has none.
    public var name: String?
    /// The addr-spec as written (case preserved).
    public var address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }
}
