import Archive

/// An interaction in lists (timelines, complaints), with the keys search results use.
struct InteractionSummaryJSON: Encodable {
    var interactionID: Int64
    var kind: String
    var sourceRef: String
    var occurredAt: String?
    var subject: String
    var direction: String
    var isComplaint: Bool
    var isInspectionRequest: Bool

    enum CodingKeys: String, CodingKey {
        case interactionID = "interaction_id", kind, sourceRef = "source_ref", occurredAt = "occurred_at", subject, direction
        case isComplaint = "is_complaint", isInspectionRequest = "is_inspection_request"
    }

    init(_ i: InteractionSummary) {
        interactionID = i.interactionID
        kind = i.kind.rawValue
        sourceRef = i.sourceRef
        occurredAt = i.occurredAt.map(Timestamp.format)
        subject = i.subject
        direction = i.direction.rawValue
        isComplaint = i.isComplaint
        isInspectionRequest = i.isInspectionRequest
    }
}

/// `GET /api/v1/customers/{id}`: profile, identifiers, timeline (as `arkisto customer show --json`,
/// with the interactions under `timeline`).
struct CustomerJSON: Encodable {
    struct Identifier: Encodable {
        var kind: String
        var value: String?
    }

    struct Event: Encodable {
        var interaction: InteractionSummaryJSON
        var strength: String
        var shared: Bool
        var evidence: [LinkEvidence]

        func encode(to encoder: any Encoder) throws {
            try interaction.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(strength, forKey: .strength)
            try container.encode(shared, forKey: .shared)
            try container.encode(evidence, forKey: .evidence)
        }

        enum CodingKeys: String, CodingKey { case strength, shared, evidence }
    }

    var id: String
    var kind: String
    var name: String
    var address: String?
    var marketingConsent: Bool?
    var identifiers: [Identifier]
    var timeline: [Event]

    enum CodingKeys: String, CodingKey {
        case id, kind, name, address, marketingConsent = "marketing_consent", identifiers, timeline
    }

    init(_ record: CustomerRecord) {
        let p = record.profile
        id = p.sourceID
        kind = p.kind.rawValue
        name = p.name
        address = p.address
        marketingConsent = p.marketingConsent
        identifiers = p.identifiers.map { Identifier(kind: $0.kind.rawValue, value: $0.written) }
        timeline = record.timeline.map {
            Event(interaction: InteractionSummaryJSON($0.interaction), strength: $0.strength.rawValue, shared: $0.shared,
                  evidence: $0.evidence)
        }
    }
}
