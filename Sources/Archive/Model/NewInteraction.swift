import Foundation

public enum InteractionKind: String, Sendable, Codable, CaseIterable {
    case email
    case ticket
    case call
}

public enum ParticipantRole: String, Sendable, Codable, CaseIterable {
    case from
    case to
    case cc
    case bcc
    case replyTo = "reply_to"
}

public struct Participant: Hashable, Sendable, Codable {
    public var role: ParticipantRole
    public var name: String?
    /// The address as it identifies the participant: lowercased e-mail address, E.164 phone number.
    public var address: String

    public init(role: ParticipantRole, name: String?, address: String) {
        self.role = role
        self.name = name
        self.address = address
    }
}

public struct NewAttachment: Sendable {
    public var filename: String?
    public var contentType: String
    public var size: Int
    /// Nil when only the attachment's description is known (helpdesk exports list attachments
    /// without their bytes).
    public var digest: ContentDigest?
    /// The attachment's searchable text, read at import (text parts, PDF text layers, Office
    /// files, attached messages...); OCR text is added later.
    public var text: String?
    /// Where ``text`` came from (`text`, `pdf`, `ooxml`...: the Extract module's `TextSource`).
    public var textSource: String?
    /// Why (parts of) it could not be read, one line each: `lasku.pdf: pdftotext killed after 30 s (timed_out)`.
    public var problems: [String]
    /// Images and text-less pages whose text OCR gives later, in reading order: the writer queues
    /// them with the interaction.
    public var pendingRecognition: [PendingRecognition]

    public init(
        filename: String?, contentType: String, size: Int, digest: ContentDigest?, text: String?,
        textSource: String? = nil, problems: [String] = [], pendingRecognition: [PendingRecognition] = []
    ) {
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.digest = digest
        self.text = text
        self.textSource = textSource ?? (text == nil ? nil : "text")
        self.problems = problems
        self.pendingRecognition = pendingRecognition
    }
}

/// An interaction ready to be archived, built by the importer from a parsed source record.
public struct NewInteraction: Sendable {
    public var kind: InteractionKind
    /// How the source names it: a Message-ID without brackets, `TICKET#N`, a CDR uniqueid.
    public var sourceRef: String
    /// Identifies the content for deduplication: the same content imported again is already present.
    public var contentDigest: ContentDigest
    public var occurredAt: Date?
    public var direction: Direction
    public var subject: String { didSet { indexedText = nil } }
    public var body: String { didSet { indexedText = nil } }
    public var participants: [Participant] { didSet { indexedText = nil } }
    public var attachments: [NewAttachment] { didSet { indexedText = nil } }
    /// Message ids this one replies to or references, most distant first (References order),
    /// then In-Reply-To when not already among them.
    public var references: [String]
    /// Names of the defects met while reading the source.
    public var defects: [String]
    /// The identifiers it mentions, from which its links to customers are derived.
    public var mentions: [IdentifierMention]
    public var details: ChannelDetails
    /// The index columns analysed ahead of writing (``prepareIndexedText(using:)``), or nil: the
    /// index analyses the texts itself as they are written. Dropped whenever a text it was made
    /// from (subject, body, participants, attachments) changes, so it can never disagree with them.
    public internal(set) var indexedText: IndexedText?

    public init(
        kind: InteractionKind, sourceRef: String, contentDigest: ContentDigest, occurredAt: Date?,
        direction: Direction = .unknown, subject: String, body: String, participants: [Participant],
        attachments: [NewAttachment], references: [String], defects: [String], mentions: [IdentifierMention] = [],
        details: ChannelDetails = .email
    ) {
        self.kind = kind
        self.sourceRef = sourceRef
        self.contentDigest = contentDigest
        self.occurredAt = occurredAt
        self.direction = direction
        self.subject = subject
        self.body = body
        self.participants = participants
        self.attachments = attachments
        self.references = references
        self.defects = defects
        self.mentions = mentions
        self.details = details
    }

    /// The participants as one searchable line: `Name <address>; ...`. The index column
    /// `participants`, stored by the writer and analysed by ``prepareIndexedText(using:)``.
    var participantsText: String {
        participants.map { p in
            if let name = p.name, !name.isEmpty { "\(name) <\(p.address)>" } else { p.address }
        }.joined(separator: "; ")
    }

    /// The attachments' file names and texts: the index column `attachment_text`.
    var attachmentText: String {
        Self.attachmentText(attachments.map { (filename: $0.filename, text: $0.text) })
    }

    /// The index column `attachment_text` of attachments given by name and text, in order: each
    /// one's name over its text, blank lines between.
    static func attachmentText(_ attachments: [(filename: String?, text: String?)]) -> String {
        attachments.compactMap { attachment in
            [attachment.filename, attachment.text].compactMap { $0 }.joined(separator: "\n")
        }.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}
