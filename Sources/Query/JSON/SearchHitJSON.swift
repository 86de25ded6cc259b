import Archive

/// A search hit as `arkisto search --json` and `GET /api/v1/search` give it. The snippet is
/// HTML-safe: the text escaped, matched words in `<b>…</b>`. `customers` (register id and name of
/// the exactly linked customers) only where the caller looked them up.
public struct SearchHitJSON: Encodable, Sendable {
    public struct Customer: Encodable, Sendable {
        public var id: String
        public var name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    public var interactionID: Int64
    public var kind: String
    public var sourceRef: String
    public var occurredAt: String?
    public var subject: String
    public var participants: String
    public var snippet: String
    /// The attachment (file name, or type when unnamed) the snippet was cut from; absent when it
    /// comes from the subject, body or participants.
    public var snippetAttachment: String?
    public var score: Double
    public var customers: [Customer]?

    enum CodingKeys: String, CodingKey {
        case interactionID = "interaction_id", kind, sourceRef = "source_ref", occurredAt = "occurred_at"
        case subject, participants, snippet, snippetAttachment = "snippet_attachment", score, customers
    }

    public init(_ hit: SearchHit, customers: [Customer]? = nil) {
        interactionID = hit.interactionID
        kind = hit.kind.rawValue
        sourceRef = hit.sourceRef
        occurredAt = hit.occurredAt.map(Timestamp.format)
        subject = hit.subject
        participants = hit.participants
        snippet = SnippetHTML.render(hit.snippet, tag: "b")
        snippetAttachment = hit.snippetAttachment
        score = hit.score
        self.customers = customers
    }
}
