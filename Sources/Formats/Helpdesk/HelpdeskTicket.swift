import Foundation

/// One ticket of a helpdesk export (Zendesk-like), with its comments in order.
public struct HelpdeskTicket: Sendable, Equatable {
    /// The ticket id as written (a number's digits or a string).
    public var id: String
    public var createdAt: Date?
    public var updatedAt: Date?
    public var status: String?
    public var priority: String?
    /// Empty when the export has none.
    public var subject: String
    public var requester: HelpdeskPerson?
    public var tags: [String]
    /// How the ticket came in: "web", "email", "chat", "phone", ...
    public var channel: String?
    public var comments: [HelpdeskComment]

    public init(
        id: String, createdAt: Date? = nil, updatedAt: Date? = nil, status: String? = nil, priority: String? = nil,
        subject: String = "", requester: HelpdeskPerson? = nil, tags: [String] = [], channel: String? = nil,
        comments: [HelpdeskComment] = []
    ) {
        self.id = id
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.status = status
        self.priority = priority
        self.subject = subject
        self.requester = requester
        self.tags = tags
        self.channel = channel
        self.comments = comments
    }
}

/// A person named in a ticket; each part may be missing. Values are trimmed, not normalised.
public struct HelpdeskPerson: Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var phone: String?

    public init(name: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }
}

/// Who wrote a comment.
public enum HelpdeskRole: Sendable, Equatable {
    /// The customer (`end-user`).
    case endUser
    /// Customer service staff (`agent`).
    case agent
    /// Any other role as written (`admin`, `system`, ...); empty when the export names none.
    case other(String)

    /// Reads `end-user` (also `end_user`, `enduser`) and `agent`, ignoring case.
    public init(exportValue: String?) {
        let value = exportValue?.trimmed ?? ""
        switch value.lowercased() {
        case "end-user", "end_user", "enduser", "end user": self = .endUser
        case "agent": self = .agent
        default: self = .other(value)
        }
    }
}

/// One comment of a ticket: one archived interaction, referred to as `TICKETID#number`.
public struct HelpdeskComment: Sendable, Equatable {
    /// 1-based position in the ticket's comment list.
    public var number: Int
    public var author: HelpdeskPerson
    public var role: HelpdeskRole
    /// False for internal notes agents do not show the customer.
    public var isPublic: Bool
    public var createdAt: Date?
    /// The body as exported: plain text, or HTML when ``bodyIsHTML``.
    public var body: String
    /// True when the body carries HTML markup (tags such as `<p>`, `<br>`, `<div>`), whichever field it came from.
    public var bodyIsHTML: Bool
    public var attachments: [HelpdeskAttachment]

    public init(
        number: Int, author: HelpdeskPerson, role: HelpdeskRole, isPublic: Bool = true, createdAt: Date? = nil,
        body: String, bodyIsHTML: Bool = false, attachments: [HelpdeskAttachment] = []
    ) {
        self.number = number
        self.author = author
        self.role = role
        self.isPublic = isPublic
        self.createdAt = createdAt
        self.body = body
        self.bodyIsHTML = bodyIsHTML
        self.attachments = attachments
    }
}

/// An attachment listed on a comment (the export has only its description, not its content).
public struct HelpdeskAttachment: Sendable, Equatable {
    public var fileName: String
    public var contentType: String?
    /// Bytes, when the export says.
    public var size: Int?

    public init(fileName: String, contentType: String? = nil, size: Int? = nil) {
        self.fileName = fileName
        self.contentType = contentType
        self.size = size
    }
}
