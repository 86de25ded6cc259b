import Archive

/// An interaction in lists (timelines, complaints, unlinked interactions), with the keys search
/// results use, as the CLI's `--json` output and the API give it.
public struct InteractionSummaryJSON: Encodable, Sendable {
    public var interactionID: Int64
    public var kind: String
    public var sourceRef: String
    public var occurredAt: String?
    public var subject: String
    public var direction: String
    public var isComplaint: Bool
    public var isInspectionRequest: Bool

    enum CodingKeys: String, CodingKey {
        case interactionID = "interaction_id", kind, sourceRef = "source_ref", occurredAt = "occurred_at", subject, direction
        case isComplaint = "is_complaint", isInspectionRequest = "is_inspection_request"
    }

    public init(_ i: InteractionSummary) {
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
