import Archive

/// An answer to an inspection request: the subject's data by the categories of the register,
/// every customer-service interaction linked to them by exact evidence (or confirmed on review),
/// with other people's personal data redacted, and the Art. 15 information. `report.json` is this
/// value; `report.html` renders it in Finnish.
public struct InspectionReport: Sendable, Encodable {
    public var format = "arkisto-inspection-report/1"
    /// When the report was made (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    public var generatedAt: String
    public var request: RequestInfo
    public var notice: RegisterNotice
    public var subject: SubjectData
    public var interactions: [ReportInteraction]
    public var summary: ReportSummary
    /// Other people's data removed from the text, by kind.
    public var redactions: RedactionCounts

    enum CodingKeys: String, CodingKey {
        case format, generatedAt = "generated_at", request, notice, subject, interactions, summary, redactions
    }

    public struct RequestInfo: Sendable, Encodable {
        public var caseID: Int64
        public var receivedOn: CivilDate
        public var dueOn: CivilDate
        public var extensionMonths: Int
        public var extensionReason: String?
        public var channel: RequestChannel
        public var status: InspectionStatus

        enum CodingKeys: String, CodingKey {
            case caseID = "case_id", receivedOn = "received_on", dueOn = "due_on", extensionMonths = "extension_months"
            case extensionReason = "extension_reason", channel, status
        }
    }

    /// The register record: contact details, identifiers, marketing permission.
    public struct SubjectData: Sendable, Encodable {
        public var registerID: String
        public var kind: CustomerKind
        public var name: String
        public var address: String?
        public var emails: [String]
        public var phones: [String]
        public var customerNumber: String?
        public var businessID: String?
        /// The register holds a personal identity code (only as a keyed hash: it cannot be shown).
        public var personalIDHeld: Bool
        /// nil: no recorded choice.
        public var marketingConsent: Bool?

        enum CodingKeys: String, CodingKey {
            case registerID = "register_id", kind, name, address, emails, phones, customerNumber = "customer_number"
            case businessID = "business_id", personalIDHeld = "personal_id_held", marketingConsent = "marketing_consent"
        }
    }

}

public struct ReportParticipant: Sendable, Encodable, Equatable {
    public var role: ParticipantRole
    public var name: String?
    public var address: String
}

/// An attachment of an included interaction: its name, type, size and SHA-256 (the originals
/// folder holds its bytes inside the message), and its text redacted like the body.
public struct ReportAttachment: Sendable, Encodable {
    public var filename: String?
    public var contentType: String
    public var size: Int
    /// Of the decoded bytes; nil when the archive has none (a ticket's attachment).
    public var sha256: String?
    /// The text read from it, other people's identifiers redacted; nil when there is none.
    public var text: String?

    init(filename: String?, contentType: String, size: Int, sha256: String?, text: String? = nil) {
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.text = text
    }

    enum CodingKeys: String, CodingKey { case filename, contentType = "content_type", size, sha256, text }
}

/// How the interaction is tied to the subject.
public struct ReportLink: Sendable, Encodable {
    public var strength: LinkStrength
    /// Confirmed by the privacy officer on review (the evidence alone was weak).
    public var confirmedOnReview: Bool
    /// What put it up for review: a weak identifier, or the subject's name in the text.
    public var reviewBasis: ReviewBasis?
    /// The identifier that ties it is also another customer's (a shared household address).
    public var shared: Bool
    public var evidence: [LinkEvidence]

    enum CodingKeys: String, CodingKey {
        case strength, confirmedOnReview = "confirmed_on_review", reviewBasis = "review_basis", shared, evidence
    }
}

public struct ReportTicket: Sendable, Encodable {
    public var ticketID: String
    public var commentNumber: Int
    public var authorRole: String
    public var isPublic: Bool
    public var status: String?
    public var channel: String?

    enum CodingKeys: String, CodingKey {
        case ticketID = "ticket_id", commentNumber = "comment_number", authorRole = "author_role", isPublic = "public"
        case status, channel
    }
}

/// A file copied for the subject into `originals/`, or why it could not be.
public struct ReportFile: Sendable, Encodable, Equatable {
    public enum State: String, Sendable, Encodable {
        case copied
        case missing
        /// The file no longer matches the SHA-256 recorded when it was archived.
        case changed
        /// Not the subject's to receive (they neither sent nor received it).
        case notCopied = "not_copied"
    }

    /// Relative to the report folder, when copied.
    public var path: String?
    public var sha256: String?
    public var state: State
}

public struct ReportCall: Sendable, Encodable {
    public var disposition: String
    public var durationSeconds: Int
    public var billableSeconds: Int
    public var audioFormat: String?
    public var audioSeconds: Double?
    public var recording: ReportFile?
    public var transcript: ReportFile?

    enum CodingKeys: String, CodingKey {
        case disposition, durationSeconds = "duration_seconds", billableSeconds = "billable_seconds"
        case audioFormat = "audio_format", audioSeconds = "audio_seconds", recording, transcript
    }
}

/// One customer-service event, with other people's data redacted.
public struct ReportInteraction: Sendable, Encodable {
    public var sourceRef: String
    public var kind: InteractionKind
    public var occurredAt: String?
    public var direction: Direction
    public var subject: String
    public var body: String
    public var participants: [ReportParticipant]
    public var attachments: [ReportAttachment]
    public var isComplaint: Bool
    public var isInspectionRequest: Bool
    public var link: ReportLink
    public var ticket: ReportTicket?
    public var call: ReportCall?
    /// The original message or record as the subject sent or received it.
    public var original: ReportFile?
    public var redactions: RedactionCounts

    enum CodingKeys: String, CodingKey {
        case sourceRef = "source_ref", kind, occurredAt = "occurred_at", direction, subject, body, participants
        case attachments, isComplaint = "is_complaint", isInspectionRequest = "is_inspection_request", link, ticket
        case call, original, redactions
    }
}

/// The summary table.
public struct ReportSummary: Sendable, Encodable {
    public var emails: Int
    public var emailsFromSubject: Int
    public var ticketMessages: Int
    public var calls: Int
    public var recordings: Int
    public var transcripts: Int
    public var complaints: Int
    public var inspectionRequests: Int
    public var first: String?
    public var last: String?
    public var originalsCopied: Int
    public var redacted: Int

    enum CodingKeys: String, CodingKey {
        case emails, emailsFromSubject = "emails_from_subject", ticketMessages = "ticket_messages", calls, recordings
        case transcripts, complaints, inspectionRequests = "inspection_requests", first, last
        case originalsCopied = "originals_copied", redacted
    }
}
