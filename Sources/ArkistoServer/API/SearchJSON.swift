import Archive

/// `GET /api/v1/search`: as `arkisto search --json`, with each hit's linked customers. The
/// snippet is HTML-safe: the text escaped, matched words in `<b>…</b>`.
struct SearchJSON: Encodable {
    struct Customer: Encodable {
        var id: String
        var name: String
    }

    struct Result: Encodable {
        var interactionID: Int64
        var kind: String
        var sourceRef: String
        var occurredAt: String?
        var subject: String
        var participants: String
        var snippet: String
        var score: Double
        var customers: [Customer]

        enum CodingKeys: String, CodingKey {
            case interactionID = "interaction_id", kind, sourceRef = "source_ref", occurredAt = "occurred_at"
            case subject, participants, snippet, score, customers
        }
    }

    var query: String
    var total: Int
    var limit: Int
    var offset: Int
    var milliseconds: Double
    var results: [Result]

    init(_ outcome: SearchOutcome, limit: Int, offset: Int) {
        query = outcome.query
        total = outcome.page.total
        self.limit = limit
        self.offset = offset
        milliseconds = (outcome.milliseconds * 10).rounded() / 10
        results = outcome.page.hits.map { hit in
            Result(
                interactionID: hit.interactionID, kind: hit.kind.rawValue, sourceRef: hit.sourceRef,
                occurredAt: hit.occurredAt.map(Timestamp.format), subject: hit.subject, participants: hit.participants,
                snippet: SnippetHTML.render(hit.snippet).replacingOccurrences(of: "<mark>", with: "<b>")
                    .replacingOccurrences(of: "</mark>", with: "</b>"),
                score: hit.score,
                customers: (outcome.customers[hit.interactionID] ?? []).filter { $0.strength == .exact }
                    .map { Customer(id: $0.registerID, name: $0.name) })
        }
    }
}

/// A query the parser cannot read: 400 with the message and the 1-based position.
struct QueryErrorJSON: Encodable {
    var error: String
    var status = 400
    var position: Int
    var query: String
}
