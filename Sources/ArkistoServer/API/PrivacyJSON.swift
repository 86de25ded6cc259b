import Archive
import Query

/// An inspection case, as `arkisto inspection show --json`.
struct CaseJSON: Encodable {
    var id: Int64
    var customer: String
    var receivedOn: String
    var dueOn: String
    var extensionMonths: Int
    var extensionReason: String?
    var channel: String
    var note: String?
    var status: String
    var statusReason: String?
    var overdue: Bool
    var openedAt: String
    var openedBy: String
    var reportWrittenAt: String?
    var reportSHA256: String?

    enum CodingKeys: String, CodingKey {
        case id, customer, receivedOn = "received_on", dueOn = "due_on", extensionMonths = "extension_months"
        case extensionReason = "extension_reason", channel, note, status, statusReason = "status_reason", overdue
        case openedAt = "opened_at", openedBy = "opened_by", reportWrittenAt = "report_written_at", reportSHA256 = "report_sha256"
    }

    init(_ r: InspectionCaseRecord) {
        id = r.id
        customer = r.customerSourceID
        receivedOn = r.receivedOn.description
        dueOn = r.dueOn.description
        extensionMonths = r.extensionMonths
        extensionReason = r.extensionReason
        channel = r.channel.rawValue
        note = r.note
        status = r.status.rawValue
        statusReason = r.statusReason
        overdue = r.isOverdue(on: ArchiveService.todayInFinland)
        openedAt = Timestamp.format(r.openedAt)
        openedBy = r.openedBy
        reportWrittenAt = r.reportWrittenAt.map(Timestamp.format)
        reportSHA256 = r.reportSHA256
    }
}

struct CasesJSON: Encodable {
    var cases: [CaseJSON]
}

/// A weak link on a case's review list.
struct ReviewJSON: Encodable {
    var interactionID: Int64
    var sourceRef: String
    var kind: String
    var occurredAt: String?
    var subject: String
    var basis: String
    var decision: String
    var evidence: [LinkEvidence]

    enum CodingKeys: String, CodingKey {
        case interactionID = "interaction_id", sourceRef = "source_ref", kind, occurredAt = "occurred_at", subject, basis
        case decision, evidence
    }

    init(_ item: LinkReviewItem) {
        let i = item.entry.interaction
        interactionID = i.interactionID
        sourceRef = i.sourceRef
        kind = i.kind.rawValue
        occurredAt = i.occurredAt.map(Timestamp.format)
        subject = i.subject
        basis = item.basis.rawValue
        decision = item.decision.rawValue
        evidence = item.entry.evidence
    }
}

struct ReviewsJSON: Encodable {
    var reviews: [ReviewJSON]
}

/// One audit log entry, as `arkisto audit --json`.
struct AuditEntryJSON: Encodable {
    var id: Int64?
    var at: String
    var actor: String
    var action: String
    var customers: [String]
    var request: String
    var resultCount: Int?

    enum CodingKeys: String, CodingKey { case id, at, actor, action, customers, request, resultCount = "result_count" }

    init(_ entry: AuditEntry) {
        id = entry.id
        at = Timestamp.format(entry.at)
        actor = entry.actor
        action = entry.action.rawValue
        customers = entry.customers
        request = entry.request
        resultCount = entry.resultCount
    }
}

struct AuditJSON: Encodable {
    var total: Int
    var entries: [AuditEntryJSON]
}

struct ComplaintsJSON: Encodable {
    var total: Int
    var complaints: [InteractionSummaryJSON]
}

/// What an erasure did (or, for a dry run, would do).
struct ErasureJSON: Encodable {
    var customer: String
    var dryRun: Bool
    var remove: Int
    var redact: Int
    var quarantined: Int
    var counts: ErasureCounts?

    enum CodingKeys: String, CodingKey { case customer, dryRun = "dry_run", remove, redact, quarantined, counts }

    init(_ outcome: ErasureOutcome) {
        customer = outcome.registerID
        dryRun = outcome.counts == nil
        remove = outcome.remove
        redact = outcome.redact
        quarantined = outcome.quarantined
        counts = outcome.counts
    }
}

/// Request bodies.
struct OpenCaseBody: Decodable {
    var customer: String?
    var receivedOn: String?
    var channel: String?
    var note: String?
    var requestRef: String?

    enum CodingKeys: String, CodingKey { case customer, receivedOn = "received_on", channel, note, requestRef = "request_ref" }
}

struct ExtendBody: Decodable {
    var months: Int
    var reason: String
}

struct CloseBody: Decodable {
    /// `delivered` or `rejected`.
    var outcome: String
    var reason: String?
}

struct ReviewDecisionBody: Decodable {
    var sourceRef: String
    var decision: String

    enum CodingKeys: String, CodingKey { case sourceRef = "source_ref", decision }
}

struct ErasureBody: Decodable {
    var reason: String
    /// Must repeat the customer's register id: the erasure cannot be undone.
    var confirm: String
    var dryRun: Bool?

    enum CodingKeys: String, CodingKey { case reason, confirm, dryRun = "dry_run" }
}

struct ImportBody: Decodable {
    var source: String
    var paths: [String]
}
