@testable import Archive
import Foundation
import Query
import Testing

@Suite struct SearchHitJSONTests {
    let hit = SearchHit(
        interactionID: 7, kind: .email, sourceRef: "m@x", occurredAt: Date(timeIntervalSince1970: 0),
        subject: "<script>", participants: "a@x",
        snippet: "<img onerror=x> \(SearchHit.highlightStart)lasku\(SearchHit.highlightEnd) & co", score: 1.5)

    @Test func snippetIsEscapedTextWithBoldHits() throws {
        let json = SearchHitJSON(hit)
        #expect(json.snippet == "&lt;img onerror=x&gt; <b>lasku</b> &amp; co")
        #expect(json.occurredAt == "1970-01-01T00:00:00Z")
        let encoded = String(decoding: try JSONEncoder().encode(json), as: UTF8.self)
        #expect(!encoded.contains("customers"))
        #expect(encoded.contains("\"interaction_id\":7"))
    }

    @Test func customersAreEncodedWhenLookedUp() throws {
        let json = SearchHitJSON(hit, customers: [.init(id: "A001", name: "Matti")])
        // Key order in an encoded object is not fixed: compare the decoded value.
        let decoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(json)) as? [String: Any]
        let customers = decoded?["customers"] as? [[String: String]]
        #expect(customers == [["id": "A001", "name": "Matti"]])
    }
}
