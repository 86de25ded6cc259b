import Archive
import Query

struct CasesJSON: Encodable {
    var cases: [InspectionCaseJSON]
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
