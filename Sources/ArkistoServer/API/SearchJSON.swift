import Archive
import Query

/// `GET /api/v1/search`: as `arkisto search --json`, with each hit's linked customers. The
/// snippet is HTML-safe: the text escaped, matched words in `<b>…</b>`.
struct SearchJSON: Encodable {
    var query: String
    var total: Int
    var limit: Int
    var offset: Int
    var milliseconds: Double
    var results: [SearchHitJSON]

    init(_ outcome: SearchOutcome, limit: Int, offset: Int) {
        query = outcome.query
        total = outcome.page.total
        self.limit = limit
        self.offset = offset
        milliseconds = (outcome.milliseconds * 10).rounded() / 10
        results = outcome.page.hits.map { hit in
            SearchHitJSON(
                hit,
                customers: (outcome.customers[hit.interactionID] ?? []).filter { $0.strength == .exact }
                    .map { SearchHitJSON.Customer(id: $0.registerID, name: $0.name) })
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
