import Archive
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ArkistoServer

/// The interaction id of a message, by its source reference.
func interactionID(_ fixture: ServerFixture, _ sourceRef: String) throws -> Int64 {
    try #require(try fixture.store().interactionSummary(sourceRef: sourceRef)).interactionID
}

/// Markup that would run or load something if it reached the page as markup.
func expectInert(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let lower = html.lowercased()
    #expect(!lower.contains("<script"), sourceLocation: sourceLocation)
    #expect(!lower.contains("<img"), sourceLocation: sourceLocation)
    #expect(!lower.contains("<svg"), sourceLocation: sourceLocation)
    #expect(!lower.contains("<iframe"), sourceLocation: sourceLocation)
    #expect(!lower.contains("href=\"javascript:"), sourceLocation: sourceLocation)
    #expect(!lower.contains("https://tracker.example"), sourceLocation: sourceLocation)
    #expect(!lower.contains("https://evil.example"), sourceLocation: sourceLocation)
    // No attribute named on…: every `onerror=` / `onload=` is inside escaped text, never inside a tag.
    var inTag = false
    var tag = ""
    for character in lower {
        if character == "<" { inTag = true; tag = "" } else if character == ">" {
            #expect(!tag.contains(" onerror") && !tag.contains(" onload"), "tag <\(tag)>", sourceLocation: sourceLocation)
            inTag = false
        } else if inTag { tag.append(character) }
    }
    // Exactly the forms the server writes itself.
    let forms = lower.components(separatedBy: "<form").count - 1
    let own = lower.components(separatedBy: "<form method=\"post\" action=\"/").count - 1
        + lower.components(separatedBy: "<form method=\"get\" action=\"/").count - 1
    #expect(forms == own, sourceLocation: sourceLocation)
}

@Suite struct CustomerPageTests {
    @Test func customerPageShowsProfileIdentifiersAndTimelineWithComplaintsMarked() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let complaintID = try interactionID(fixture, "reklamaatio-1@koti.example")
        try await fixture.application().test(.router) { client in
            let session = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            let page = try await client.get("/customers/C1", session)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains(#"<h1 id="customer-name">Aino Asiakas</h1>"#))
            #expect(html.contains(#"<ul id="identifiers">"#))
            #expect(html.contains("aino.asiakas@koti.example"))
            #expect(html.contains("AS-1000001"))
            #expect(html.contains(#"<ol id="timeline">"#))
            #expect(html.contains(#"<li class="event complaint" data-kind="email">"#))
            #expect(html.contains(#"<li class="event" data-kind="email">"#))
            #expect(html.contains(#"data-kind="call""#))
            #expect(html.contains("<a href=\"/interactions/\(complaintID)\">Reklamaatio puhelinlaskusta</a>"))
            // The weakly linked neighbour's message is not in the profile.
            #expect(!html.contains("Naapurin liittymä"))
            expectInert(html)
            #expect(try await client.get("/customers/C404", session).status == .notFound)
            #expect(try await client.get("/customers/%3Cscript%3E", session).status == .notFound)
        }
    }

    @Test func interactionPageShowsHeadersBodyAttachmentsAndCustomers() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let id = try interactionID(fixture, "reklamaatio-1@koti.example")
        try await fixture.application().test(.router) { client in
            let session = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            let html = try await client.get("/interactions/\(id)", session).text
            #expect(html.contains(#"<article id="interaction""#))
            #expect(html.contains(#"<pre id="body">Hei, teen reklamaation"#))
            #expect(html.contains("Aino Asiakas &lt;aino.asiakas@koti.example&gt;"))
            #expect(html.contains(#"<ul id="attachments">"#))
            #expect(html.contains("<a class=\"attachment-link\" href=\"/interactions/\(id)/attachments/0\">lasku.pdf</a>"))
            #expect(html.contains(#"<a class="customer-link" href="/customers/C1">Aino Asiakas</a>"#))

            let file = try await client.get("/interactions/\(id)/attachments/0", session)
            #expect(file.status == .ok)
            #expect(file.headers[.contentType] == "application/octet-stream")
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"lasku.pdf\"") == true)
            #expect(String(buffer: file.body).hasPrefix("%PDF-1.4"))
            expectSecurityHeaders(file)
            #expect(try await client.get("/interactions/\(id)/attachments/1", session).status == .notFound)
            #expect(try await client.get("/interactions/\(id)/attachments/-1", session).status == .notFound)
            #expect(try await client.get("/interactions/999999", session).status == .notFound)
            #expect(try await client.get("/interactions/abc", session).status == .notFound)
        }
    }

    @Test func callsShowTheirTranscriptAndServeRecordingAndTranscript() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let id = try interactionID(fixture, "1741503120.6")
        try await fixture.application().test(.router) { client in
            let session = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            let html = try await client.get("/interactions/\(id)", session).text
            #expect(html.contains(#"<section id="transcript">"#))
            #expect(html.contains("Netti ei toimi, yhteys katkeaa jatkuvasti."))
            let recording = try await client.get("/interactions/\(id)/recording", session)
            #expect(recording.status == .ok)
            #expect(recording.headers[.contentType] == "application/octet-stream")
            #expect(recording.headers[.contentDisposition]?.contains("rec-1741503120.6.wav") == true)
            #expect(Array(recording.body.readableBytesView) == ServerFixture.wav)
            let transcript = try await client.get("/interactions/\(id)/transcript", session)
            #expect(String(buffer: transcript.body).hasPrefix("WEBVTT"))
            #expect(transcript.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            // A recording changed on disk since import is not served.
            try fixture.write("calls/recordings/rec-1741503120.6.wav", [UInt8](repeating: 1, count: 10))
            #expect(try await client.get("/interactions/\(id)/recording", session).status == .conflict)
            // An e-mail has no recording.
            let mail = try interactionID(fixture, "reklamaatio-1@koti.example")
            #expect(try await client.get("/interactions/\(mail)/recording", session).status == .notFound)
        }
    }

    @Test func hostileEmailComesOutInertEverywhere() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let id = try interactionID(fixture, "hostile-1@koti.example")
        try await fixture.application().test(.router) { client in
            let session = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            let message = try await client.get("/interactions/\(id)", session)
            #expect(message.status == .ok)
            let html = message.text
            expectInert(html)
            // Shown as text, escaped.
            #expect(html.contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;"))
            #expect(html.contains("&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;"))
            #expect(html.contains("onerror=alert(2)"))
            #expect(html.contains("&lt;a href=&quot;javascript:alert(3)&quot;&gt;"))
            #expect(message.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)

            let page = try await client.get("/search?q=laskusta", session).text
            #expect(page.contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;"))
            expectInert(page)
            let body = try await client.get("/search?q=" + percentEncoded("klikkaa"), session).text
            #expect(body.contains("<mark>"))
            expectInert(body)
            expectInert(try await client.get("/customers/C1", session).text)
            expectInert(try await client.get("/complaints", session).text)

            let json = try await client.api("/api/v1/interactions/\(id)", token: fixture.tokens["aino"])
            #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
            // JSON carries the data as it is (never served as HTML); the snippet is HTML-safe.
            let search = try await client.api("/api/v1/search?q=laskusta", token: fixture.tokens["aino"])
            #expect(search.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(search.headers[.xContentTypeOptions] == "nosniff")
            let results = try jsonObject(search)["results"] as? [[String: Any]] ?? []
            let hostileHit = try #require(results.first { $0["source_ref"] as? String == "hostile-1@koti.example" })
            #expect(hostileHit["subject"] as? String == "<script>alert('subject')</script> laskusta <img src=x onerror=alert(1)>")
            let snippet = try #require(hostileHit["snippet"] as? String)
            #expect(!snippet.contains("<script") && !snippet.contains("<img"))
            #expect(snippet.contains("&lt;script&gt;"))
        }
    }

    @Test func complaintsPageListsComplaints() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let session = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            let html = try await client.get("/complaints", session).text
            #expect(html.contains(#"<ol id="complaints">"#))
            #expect(html.contains("Reklamaatio puhelinlaskusta"))
            #expect(!(try await client.get("/complaints?since=2030-01-01", session).text.contains("Reklamaatio puhelinlaskusta")))
            #expect(try await client.get("/complaints?since=eilen", session).status == .badRequest)
        }
    }
}
