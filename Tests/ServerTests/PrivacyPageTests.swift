import Archive
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ArkistoServer

@Suite struct PrivacyPageTests {
    @Test func inspectionCaseFromOpeningToDelivery() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let neighbour = try interactionID(fixture, "naapuri-1@muu.example")
        try await fixture.application().test(.router) { client in
            let officer = try await client.signIn("olli", password: ServerFixture.passwords["olli"] ?? "")
            let list = try await client.get("/inspections", officer).text
            // Eero's message is recognised as a request with no case yet.
            #expect(list.contains("tarkastus-1@posti.example"))

            let opened = try await client.post("/inspections", officer, [("customer", "C1"), ("received", "2025-01-31"), ("channel", "email")])
            #expect(opened.status == .seeOther)
            let location = try #require(opened.headers[.location])
            #expect(location.hasPrefix("/inspections/"))
            let caseID = String(location.dropFirst("/inspections/".count))

            var page = try await client.get(location, officer).text
            #expect(page.contains(#"<dd id="due">2025-02-28</dd>"#))
            #expect(page.contains(#"id="overdue-warning""#))
            #expect(page.contains(#"data-status="received""#))
            // The weak link (Aino's number in the neighbour's message) waits for review.
            #expect(page.contains("<a href=\"/interactions/\(neighbour)\">Naapurin liittymä</a>"))
            #expect(page.contains(#"data-decision="pending""#))
            #expect(try await client.get("/inspections", officer).text.contains("Myöhässä"))

            // Delivery is refused until identity is verified and a report written.
            #expect(try await client.post("/inspections/\(caseID)/deliver", officer, []).status == .conflict)
            #expect(try await client.post("/inspections/\(caseID)/verify", officer, []).status == .seeOther)
            #expect(try await client.post("/inspections/\(caseID)/extend", officer, [("months", "1"), ("reason", "")]).status == .conflict)
            #expect(try await client.post("/inspections/\(caseID)/extend", officer, [("months", "1"), ("reason", "Paljon pyyntöjä")]).status == .seeOther)
            page = try await client.get(location, officer).text
            #expect(page.contains(#"<dd id="due">2025-03-31</dd>"#))
            #expect(page.contains("Paljon pyyntöjä"))

            let decided = try await client.post(
                "/inspections/\(caseID)/reviews", officer, [("ref", "naapuri-1@muu.example"), ("decision", "exclude")])
            #expect(decided.status == .seeOther)
            #expect(try await client.post("/inspections/\(caseID)/reviews", officer, [("ref", "ei-ole"), ("decision", "include")]).status == .conflict)
            #expect(try await client.get(location, officer).text.contains(#"data-decision="exclude""#))

            let report = try await client.post("/inspections/\(caseID)/report", officer, [])
            #expect(report.status == .ok)
            #expect(report.headers[.contentType] == "application/octet-stream")
            #expect(report.headers[.contentDisposition]?.contains("tarkastusraportti-\(caseID).tar") == true)
            let tar = Array(report.body.readableBytesView)
            #expect(tar.count % 512 == 0)
            #expect(String(decoding: tar[257..<262], as: UTF8.self) == "ustar")
            let names = String(decoding: tar, as: UTF8.self)
            #expect(names.contains("tarkastusraportti-\(caseID)/report.html"))
            #expect(names.contains("tarkastusraportti-\(caseID)/report.json"))
            #expect(names.contains("tarkastusraportti-\(caseID)/originals/manifest.json"))
            // Only Aino's own messages: not the neighbour's, not Eero's.
            #expect(!names.contains("Naapurini liittymä"))
            #expect(!names.contains("pyydän saada tarkastaa"))

            #expect(try await client.post("/inspections/\(caseID)/deliver", officer, []).status == .seeOther)
            page = try await client.get(location, officer).text
            #expect(page.contains(#"data-status="delivered""#))
            #expect(!page.contains(#"id="overdue-warning""#))
            #expect(try await client.post("/inspections/\(caseID)/reject", officer, [("reason", "x")]).status == .conflict)
            #expect(try await client.get("/inspections/999", officer).status == .notFound)
        }
    }

    @Test func rejectAndOpenFromARecognisedRequest() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let officer = try await client.signIn("olli", password: ServerFixture.passwords["olli"] ?? "")
            let opened = try await client.post(
                "/inspections", officer, [("customer", "C2"), ("request_ref", "tarkastus-1@posti.example"), ("channel", "email")])
            #expect(opened.status == .seeOther)
            let location = try #require(opened.headers[.location])
            #expect(!(try await client.get("/inspections", officer).text.contains("tarkastus-1@posti.example\"")))
            #expect(try await client.post(location + "/reject", officer, [("reason", "")]).status == .conflict)
            #expect(try await client.post(location + "/reject", officer, [("reason", "Henkilöllisyyttä ei voitu todentaa")]).status == .seeOther)
            #expect(try await client.get(location, officer).text.contains(#"data-status="rejected""#))
            #expect(try await client.post("/inspections", officer, [("customer", "ei-ketään")]).status == .notFound)
            #expect(try await client.post("/inspections", officer, [("customer", "C1"), ("received", "31.1.2025")]).status == .badRequest)
        }
    }

    @Test func auditPageShowsWhoReadWhat() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let agent = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            _ = try await client.get("/customers/C1", agent)
            let officer = try await client.signIn("olli", password: ServerFixture.passwords["olli"] ?? "")
            let html = try await client.get("/audit?customer=C1", officer).text
            #expect(html.contains(#"<table id="audit">"#))
            #expect(html.contains("<td>web:aino</td><td>customer_view</td><td>C1</td>"))
            #expect(try await client.get("/audit?since=2025-01-01", officer).status == .ok)
            #expect(try await client.get("/audit?since=huomenna", officer).status == .badRequest)
        }
    }

    @Test func erasureNeedsTheRegisterIDTypedAgain() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let officer = try await client.signIn("olli", password: ServerFixture.passwords["olli"] ?? "")
            let page = try await client.get("/customers/C3/erasure", officer)
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<form method="post" action="/customers/C3/erasure" id="erasure">"#))
            #expect(page.text.contains(#"id="erasure-plan""#))
            let unconfirmed = try await client.post("/customers/C3/erasure", officer, [("reason", "Poistopyyntö"), ("confirm", "C2")])
            #expect(unconfirmed.status == .badRequest)
            #expect(unconfirmed.text.contains(#"<p class="error">"#))
            #expect(try await client.get("/customers/C3", officer).status == .ok)
            let noReason = try await client.post("/customers/C3/erasure", officer, [("reason", " "), ("confirm", "C3")])
            #expect(noReason.status == .badRequest)

            let done = try await client.post("/customers/C3/erasure", officer, [("reason", "Poistopyyntö 2025-02-01"), ("confirm", "C3")])
            #expect(done.status == .ok)
            #expect(done.text.contains(#"id="erasure-done""#))
            #expect(try await client.get("/customers/C3", officer).status == .notFound)
            #expect(try await client.get("/search?q=" + percentEncoded("\"maksu jota en tunnista\""), officer).text.contains(#"<p id="total">0 osumaa"#))
            let entries = try fixture.store().auditEntries(customer: "C3")
            #expect(entries.contains { $0.action == .erasure && $0.actor == "web:olli" })
        }
    }

    @Test func erasureIsRefusedWhileAnInspectionCaseIsOpen() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let officer = try await client.signIn("olli", password: ServerFixture.passwords["olli"] ?? "")
            _ = try await client.post("/inspections", officer, [("customer", "C2")])
            let refused = try await client.post("/customers/C2/erasure", officer, [("reason", "Poistopyyntö"), ("confirm", "C2")])
            #expect(refused.status == .conflict)
            #expect(try await client.get("/customers/C2", officer).status == .ok)
        }
    }

    @Test func adminImportsFilesOnTheServer() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try fixture.write("more/uusi.eml", """
            From: Eero Esimerkki <eero@posti.example>
            To: Asiakaspalvelu <asiakaspalvelu@operaattori.example>
            Subject: Uusi viesti zebrapuhelimesta
            Date: Fri, 10 Jan 2025 10:00:00 +0200
            Message-ID: <uusi-1@posti.example>
            Content-Type: text/plain; charset=utf-8

            Zebrapuhelin ei toimi.

            """)
        try await fixture.application().test(.router) { client in
            let admin = try await client.signIn("ada", password: ServerFixture.passwords["ada"] ?? "")
            let form = try await client.get("/imports", admin)
            #expect(form.text.contains(#"<form method="post" action="/imports" id="import">"#))
            let queued = try await client.post("/imports", admin, [("source", "mail"), ("path", fixture.path("more"))])
            #expect(queued.status == .seeOther)
            let location = try #require(queued.headers[.location])
            #expect(location.hasPrefix("/imports/"))
            var done = try await client.get(location, admin)
            for _ in 0..<500 where !done.text.contains(#"data-state="succeeded""#) && !done.text.contains(#"data-state="failed""#) {
                try await Task.sleep(nanoseconds: 20_000_000)
                done = try await client.get(location, admin)
            }
            #expect(done.status == .ok)
            #expect(done.text.contains(#"<p id="import-result">Tuotu: 1 arkistoitu"#))
            #expect(done.text.contains(#"<dd id="quarantined">0</dd>"#))
            #expect(try await client.get("/imports", admin).text.contains(#"<a href="\#(location)">"#))
            #expect(try await client.get("/search?q=zebrapuhelin", admin).text.contains("Uusi viesti zebrapuhelimesta"))
            let missing = try await client.post("/imports", admin, [("source", "mail"), ("path", fixture.path("ei-ole"))])
            #expect(missing.status == .badRequest)
            #expect(try await client.post("/imports", admin, [("source", "fax"), ("path", "/tmp")]).status == .badRequest)
        }
    }
}
