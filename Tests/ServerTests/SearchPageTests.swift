import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Query
import Testing

@testable import ArkistoServer

@Suite struct SearchPageTests {
    @Test func resultsHaveHighlightsCustomersTotalAndFilters() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let session = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            let page = try await client.get("/search?q=laskusta", session)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains(#"<input name="q" id="q" type="search" value="laskusta""#))
            #expect(html.contains(#"<ol id="results""#))
            #expect(html.contains(#"<li class="hit" data-kind="email">"#))
            #expect(html.contains(#"<li class="hit" data-kind="support">"#))
            #expect(html.contains(#"<a class="hit-link" href="/interactions/"#))
            #expect(html.contains("<mark>"))
            #expect(html.contains(#"<a class="customer-link" href="/customers/C1">Aino Asiakas</a>"#))
            let total = try #require(html.range(of: #"<p id="total">"#))
            #expect(html[total.upperBound...].hasPrefix("5 osumaa (") || html[total.upperBound...].first?.isNumber == true)
            #expect(html.contains(" ms)</p>"))

            // "support" is the helpdesk channel.
            let support = try await client.get("/search?q=laskusta&kind=support", session).text
            #expect(support.contains(#"data-kind="support""#))
            #expect(!support.contains(#"<li class="hit" data-kind="email">"#))
            #expect(support.contains(#"<option value="support" selected>"#))
            // Dates: nothing in 2024, everything of January 2025.
            let before = try await client.get("/search?q=laskusta&to=2024-12-31", session).text
            #expect(before.contains(#"<p id="total">0 osumaa"#))
            let january = try await client.get("/search?q=laskusta&from=2025-01-01&to=2025-01-31", session).text
            #expect(january.contains(#"<li class="hit""#))
            let complaints = try await client.get("/search?q=laskusta&complaint=1", session).text
            #expect(complaints.contains("Reklamaatio puhelinlaskusta"))
            #expect(!complaints.contains("Re: Reklamaatio puhelinlaskusta"))
            // A filter alone is a search too.
            #expect(try await client.get("/search?kind=call", session).text.contains(#"data-kind="call""#))
            let badDate = try await client.get("/search?q=lasku&from=31.1.2025", session)
            #expect(badDate.status == .badRequest)
            #expect(badDate.text.contains(#"<p class="error">"#))
        }
    }

    @Test func pagingLinksCarryTheQueryAndFilters() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let session = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            let first = try await client.get("/search?q=laskusta", session).text
            #expect(!first.contains(#"id="prev""#))
            #expect(!first.contains(#"id="next""#))
            let second = try await client.get("/search?q=laskusta&kind=email&from=2025-01-01&page=2", session).text
            #expect(second.contains(#"<a id="prev" href="/search?q=laskusta&amp;kind=email&amp;from=2025-01-01&amp;page=1">"#))
            #expect(!second.contains(#"<li class="hit""#))
            #expect(try await client.get("/search?q=laskusta&page=-5", session).status == .ok)
            #expect(try await client.get("/search?q=laskusta&page=ei-numero", session).status == .ok)
        }
        // More hits than a page: next on the first, prev on the second.
        var view = SearchView(chrome: nil, request: SearchRequest(query: "lasku", limit: 20, offset: 0))
        view.setPaging(total: 45, shown: 20, request: SearchRequest(query: "lasku", limit: 20, offset: 0), page: 1)
        #expect(view.nextHref == "/search?q=lasku&page=2")
        #expect(view.prevHref == nil)
        view.setPaging(total: 45, shown: 20, request: SearchRequest(query: "lasku", limit: 20, offset: 20), page: 2)
        #expect(view.nextHref == "/search?q=lasku&page=3")
        #expect(view.prevHref == "/search?q=lasku&page=1")
        view.setPaging(total: 45, shown: 5, request: SearchRequest(query: "lasku", limit: 20, offset: 40), page: 3)
        #expect(view.nextHref == nil)
        #expect(SearchView.totalText(total: 45, milliseconds: 3.14) == "45 osumaa (3,1 ms)")
        #expect(SearchView.totalText(total: 1, milliseconds: 0.04) == "1 osuma (0,0 ms)")
    }

    @Test func hostileQueriesGetAMessageNeverAServerError() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let hostile = [
            "(", ")", "\"", "lasku OR", "OR", "NOT", "-", "*", "a*", "=\"", "subject:", "customer:", "from:", "date:2025-13",
            "date:foo..bar", "kind:fax", "is:nothing", "'; DROP TABLE interaction; --", "\" OR 1=1 --", "lasku\" NEAR(",
            "interaction_fts MATCH 'x'", "((((((((((lasku))))))))))", String(repeating: "(", count: 500),
            String(repeating: "lasku ", count: 2000), "lasku\u{0}", "\u{2}lasku\u{3}", "<script>alert(1)</script>",
            "%00", "../../etc/passwd", "customer:' OR 1=1", "tag:\"", "😀 OR 🙃",
            // The security review's crash: 12,000 levels of parentheses (a stack overflow before).
            String(repeating: "(", count: 12_000) + "x" + String(repeating: ")", count: 12_000),
        ]
        try await fixture.application().test(.router) { client in
            let session = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            for query in hostile {
                let page = try await client.get("/search?q=" + percentEncoded(query), session)
                #expect(page.status == .ok || page.status == .badRequest, "\(query.prefix(40)): \(page.status)")
                if page.status == .badRequest {
                    #expect(page.text.contains(#"<p class="error">Hakulauseketta ei voi lukea"#), "\(query.prefix(40))")
                }
                #expect(!page.text.contains("<script>alert"), "\(query.prefix(40))")
                let api = try await client.api("/api/v1/search?q=" + percentEncoded(query), token: fixture.tokens["aino"])
                #expect(api.status == .ok || api.status == .badRequest, "\(query.prefix(40)): \(api.status)")
                if api.status == .badRequest { #expect(try jsonObject(api)["error"] is String) }
            }
            let unclosed = try await client.get("/search?q=" + percentEncoded("lasku ("), session)
            #expect(unclosed.status == .badRequest)
            #expect(unclosed.text.contains("(kohta 7)"))
        }
    }

    /// A quote followed by a combining mark is one Swift character that is not `"`, but a browser
    /// ends the attribute value at the quote (found by tools/fuzz): every page escapes by scalars.
    @Test func aQuoteCarryingACombiningMarkCannotLeaveAnAttribute() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let injection = "\"\u{301} autofocus onfocus=alert(1) x=\""
        try await fixture.application().test(.router) { client in
            let session = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            for path in ["/search?q=", "/search?q=lasku&from=", "/customers/"] {
                let page = try await client.get(path + percentEncoded(injection), session)
                let scalars = Array(page.text.unicodeScalars)
                for (index, scalar) in scalars.enumerated().dropLast() where scalar == "\"" {
                    #expect(scalars[index + 1] != "\u{301}", "\(path): a raw quote before a combining mark")
                }
                #expect(!page.text.contains("onfocus=alert(1) x=\"\""), "\(path)")
            }
            let search = try await client.get("/search?q=" + percentEncoded(injection), session).text
            #expect(search.contains("value=\"&quot;\u{301} autofocus onfocus=alert(1) x=&quot;\""))
        }
    }

    @Test func snippetsAreEscapedBeforeTheMarksGoIn() {
        let snippet = "a <b>\u{2}lasku\u{3}</b> & \u{2}\"x\"'"
        #expect(SnippetHTML.render(snippet) == "a &lt;b&gt;<mark>lasku</mark>&lt;/b&gt; &amp; <mark>&quot;x&quot;&#39;</mark>")
        #expect(SnippetHTML.render("\u{3}\u{3}x\u{2}") == "x<mark></mark>")
    }
}
