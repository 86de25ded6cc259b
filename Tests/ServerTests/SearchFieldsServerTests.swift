import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ArkistoServer

/// `/api/v1/search` and the search page on a real server on loopback, over the fixture's mail to "Asiakaspalvelu
/// <asiakaspalvelu@operaattori.example>" and the call whose transcript says "asiakaspalvelu"
/// (issue 16): the call, which speaks of the service, comes before the mail merely addressed to
/// it, and `body:` finds only the call.
@Suite struct SearchFieldsServerTests {
    static let mailToService: Set<String> = [
        "reklamaatio-1@koti.example", "hostile-1@koti.example", "tarkastus-1@posti.example", "naapuri-1@muu.example",
    ]
    static let mailFromService = "vastaus-1@operaattori.example"
    static let call = "1741503120.6"

    static func refs(_ object: [String: Any]) -> [String] {
        (object["results"] as? [[String: Any]] ?? []).compactMap { $0["source_ref"] as? String }
    }

    @Test func bodyAndTheNameTierThroughTheAPI() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let token = fixture.tokens["aino"]
        try await fixture.application().test(.live) { client in
            func search(_ query: String, _ extra: String = "") async throws -> [String: Any] {
                let response = try await client.api("/api/v1/search?q=" + percentEncoded(query) + extra, token: token)
                #expect(response.status == .ok, "\(query)")
                return try jsonObject(response)
            }
            let everything = try await search("asiakaspalvelusta", "&limit=50")
            let refs = Self.refs(everything)
            #expect(everything["total"] as? Int == 6)
            #expect(refs.first == Self.call)
            #expect(Set(refs.dropFirst()) == Self.mailToService.union([Self.mailFromService]))
            let scores = (everything["results"] as? [[String: Any]] ?? []).compactMap { $0["score"] as? Double }
            #expect(scores.count == 6 && scores[0] > 0 && scores.dropFirst().allSatisfy { $0 < 0 })
            // The last page holds a name-only hit and the total stays the same.
            let last = try await search("asiakaspalvelusta", "&limit=2&offset=5")
            #expect(last["total"] as? Int == 6)
            #expect(Self.refs(last) == [refs[5]])

            let body = try await search("body:asiakaspalvelusta")
            #expect(body["total"] as? Int == 1)
            #expect(Self.refs(body) == [Self.call])
            #expect(Self.refs(try await search("body:(asiakaspalv* OR ulkomailla)")).sorted() == [Self.call, "reklamaatio-1@koti.example"].sorted())
            #expect(Set(Self.refs(try await search("to:asiakaspalvelu"))) == Self.mailToService)
            #expect(Self.refs(try await search("from:asiakaspalvelu")) == [Self.mailFromService])
            #expect(Self.refs(try await search("subject:reklamaatio -from:asiakaspalvelu")) == ["reklamaatio-1@koti.example"])

            let malformed = try await client.api("/api/v1/search?q=" + percentEncoded("body:(lasku"), token: token)
            #expect(malformed.status == .badRequest)
            #expect(try jsonObject(malformed)["position"] as? Int == 6)
        }
    }

    @Test func theSearchPageAndTheAPIDescriptionTellTheFields() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.live) { client in
            let session = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            let help = try await client.get("/search", session).text
            for field in ["subject:", "body:", "from:", "to:"] {
                #expect(help.contains("<code>\(field)</code>"), "\(field)")
            }
            let page = try await client.get("/search?q=" + percentEncoded("asiakaspalvelusta"), session).text
            let firstHit = try #require(page.range(of: #"<li class="hit" data-kind=""#))
            #expect(page[firstHit.upperBound...].hasPrefix("call"))
            let yaml = try await client.execute(uri: "/openapi.yaml", method: .get).text
            #expect(yaml.contains("body:(lasku OR hyvitys)"))
        }
    }
}
