import Archive
import Foundation

/// One message, ticket comment or call in full. The body is the archived plain text (an
/// e-mail's HTML was turned into text at import and is never rendered).
struct InteractionView {
    struct ParticipantLine {
        var roleLabel: String
        var text: String
    }

    struct Ticket {
        var ticketID: String
        var ticketSubject: String
        var number: Int
        var authorRole: String
        var status: String?
    }

    struct Call {
        var caller: String
        var callee: String
        var disposition: String
        var duration: Int
        var hasRecording: Bool
        var hasTranscript: Bool
        var audio: String?
    }

    struct Attachment {
        struct Problem {
            var line: String
        }

        var index: Int
        var filename: String
        var contentType: String
        var size: Int
        var downloadable: Bool
        var sha256: String?
        /// The extracted text, shown collapsed; control characters removed.
        var text: String
        var hasText: Bool
        var textSourceLabel: String
        /// Why (part of) the attachment could not be read.
        var problems: [Problem]
        var hasProblems: Bool

        init(_ a: StoredAttachment, index: Int, downloadable: Bool) {
            self.index = index
            filename = a.filename ?? "liite \(index + 1)"
            contentType = a.contentType
            size = a.size
            self.downloadable = downloadable
            sha256 = a.sha256
            text = InteractionView.plain(a.text ?? "")
            hasText = !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            textSourceLabel = FinnishFormat.textSource(a.textSource)
            problems = a.problems.map { Problem(line: InteractionView.plain($0)) }
            hasProblems = !problems.isEmpty
        }
    }

    var chrome: PageChrome?
    var id: Int64
    var kind: String
    var kindLabel: String
    var subject: String
    var when: String
    var directionLabel: String
    var sourceRef: String
    var isComplaint: Bool
    var isInspectionRequest: Bool
    var participants: [ParticipantLine]
    var ticket: Ticket?
    var call: Call?
    var isCall: Bool
    var body: String
    var hasBody: Bool
    var attachments: [Attachment]
    var customers: [SearchView.CustomerLink]
    var hasCustomers: Bool
    var weakCustomers: [SearchView.CustomerLink]
    var hasWeakCustomers: Bool

    init(chrome: PageChrome?, record: InteractionRecord) {
        self.chrome = chrome
        let content = record.content
        let s = content.summary
        id = s.interactionID
        kind = FinnishFormat.channel(s.kind)
        kindLabel = FinnishFormat.kind(s.kind)
        subject = FinnishFormat.subject(s.subject)
        when = FinnishFormat.time(s.occurredAt)
        directionLabel = FinnishFormat.direction(s.direction)
        sourceRef = s.sourceRef
        isComplaint = s.isComplaint
        isInspectionRequest = s.isInspectionRequest
        participants = content.participants.map { p in
            ParticipantLine(roleLabel: FinnishFormat.role(p.role), text: p.name.map { "\($0) <\(p.address)>" } ?? p.address)
        }
        ticket = content.ticket.map {
            Ticket(ticketID: $0.ticketID, ticketSubject: $0.ticketSubject, number: $0.number, authorRole: $0.authorRole, status: $0.status)
        }
        call = content.call.map { c in
            Call(
                caller: c.caller, callee: c.callee, disposition: c.disposition, duration: c.duration,
                hasRecording: c.recordingPath != nil, hasTranscript: c.transcriptPath != nil,
                audio: [c.audioFormat, c.audioSeconds.map { FinnishFormat.decimal($0) + " s" }].compactMap { $0 }
                    .joined(separator: ", ").nilIfEmpty)
        }
        isCall = s.kind == .call
        body = Self.plain(content.body)
        hasBody = !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        let storesBytes = s.kind == .email
        attachments = content.attachments.enumerated().map { index, a in
            Attachment(a, index: index, downloadable: storesBytes && a.sha256 != nil)
        }
        customers = record.customers.filter { $0.strength == .exact }.map(SearchView.CustomerLink.init)
        hasCustomers = !customers.isEmpty
        weakCustomers = record.customers.filter { $0.strength == .weak }.map(SearchView.CustomerLink.init)
        hasWeakCustomers = !weakCustomers.isEmpty
    }

    /// Text with control characters other than line breaks and tabs removed.
    static func plain(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            scalar == "\n" || scalar == "\t" || scalar.properties.generalCategory != .control
        }))
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
