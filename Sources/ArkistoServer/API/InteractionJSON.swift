import Archive
import Query

/// `GET /api/v1/interactions/{id}`: everything the message view shows, the body as plain text.
struct InteractionJSON: Encodable {
    struct ParticipantJSON: Encodable {
        var role: String
        var name: String?
        var address: String
    }

    struct AttachmentJSON: Encodable {
        var index: Int
        var filename: String?
        var contentType: String
        var size: Int
        var sha256: String?
        /// The download URL, when the archive holds the bytes.
        var download: String?
        /// The extracted text and where it came from (`text`, `pdf`, `ocr`...); absent when none.
        var text: String?
        var textSource: String?
        /// Why (part of) the attachment could not be read, one line each.
        var problems: [String]

        enum CodingKeys: String, CodingKey {
            case index, filename, contentType = "content_type", size, sha256, download, text, textSource = "text_source", problems
        }
    }

    struct CustomerJSON: Encodable {
        var id: String
        var name: String
        var strength: String
        var shared: Bool
    }

    struct CallJSON: Encodable {
        var caller: String
        var callee: String
        var callerName: String?
        var disposition: String
        var duration: Int
        var billableSeconds: Int
        var audioFormat: String?
        var audioSeconds: Double?
        var recording: String?
        var transcript: String?

        enum CodingKeys: String, CodingKey {
            case caller, callee, callerName = "caller_name", disposition, duration, billableSeconds = "billable_seconds"
            case audioFormat = "audio_format", audioSeconds = "audio_seconds", recording, transcript
        }
    }

    var summary: InteractionSummaryJSON
    var body: String
    var participants: [ParticipantJSON]
    var attachments: [AttachmentJSON]
    var ticket: StoredTicketComment?
    var call: CallJSON?
    var customers: [CustomerJSON]

    enum CodingKeys: String, CodingKey { case body, participants, attachments, ticket, call, customers }

    init(_ record: InteractionRecord) {
        let c = record.content
        let id = c.summary.interactionID
        summary = InteractionSummaryJSON(c.summary)
        body = c.body
        participants = c.participants.map { ParticipantJSON(role: $0.role.rawValue, name: $0.name, address: $0.address) }
        attachments = c.attachments.enumerated().map { index, a in
            AttachmentJSON(
                index: index, filename: a.filename, contentType: a.contentType, size: a.size, sha256: a.sha256,
                download: c.summary.kind == .email && a.sha256 != nil ? "/api/v1/interactions/\(id)/attachments/\(index)" : nil,
                text: a.text, textSource: a.text == nil ? nil : a.textSource, problems: a.problems)
        }
        ticket = c.ticket
        call = c.call.map { call in
            CallJSON(
                caller: call.caller, callee: call.callee, callerName: call.callerName, disposition: call.disposition,
                duration: call.duration, billableSeconds: call.billableSeconds, audioFormat: call.audioFormat,
                audioSeconds: call.audioSeconds,
                recording: call.recordingPath == nil ? nil : "/api/v1/interactions/\(id)/recording",
                transcript: call.transcriptPath == nil ? nil : "/api/v1/interactions/\(id)/transcript")
        }
        customers = record.customers.map { CustomerJSON(id: $0.registerID, name: $0.name, strength: $0.strength.rawValue, shared: $0.shared) }
    }

    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(body, forKey: .body)
        try container.encode(participants, forKey: .participants)
        try container.encode(attachments, forKey: .attachments)
        try container.encodeIfPresent(ticket, forKey: .ticket)
        try container.encodeIfPresent(call, forKey: .call)
        try container.encode(customers, forKey: .customers)
    }
}
