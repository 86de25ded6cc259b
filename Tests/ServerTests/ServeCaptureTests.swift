import Archive
import Capture
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ArkistoServer

/// `arkisto serve` capturing in the background: a live server on loopback over the fixture's
/// archive with a Maildir source; mail delivered while it runs becomes searchable, the admins'
/// sources page and API show it, and a second capturer waits without holding up its web app.
@Suite struct ServeCaptureTests {
    /// The fixture with an empty Maildir at `maildir/`, configured as the source `posti`.
    static func fixtureWithMaildir() throws -> ServerFixture {
        let fixture = try ServerFixture()
        try makeMaildir(fixture.path("maildir"))
        try SourceRegistry(archive: fixture.store()).add(ConfiguredSource(
            name: SourceName("posti"), settings: .maildir(MaildirSettings(path: fixture.path("maildir")))))
        return fixture
    }

    static func makeMaildir(_ path: String) throws {
        for folder in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: path + "/" + folder, withIntermediateDirectories: true)
        }
    }

    /// Delivers a message as an MTA does: written into `tmp/`, then renamed into `new/`.
    static func deliver(_ maildir: String, name: String, _ text: String) throws {
        let temporary = maildir + "/tmp/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        try FileManager.default.moveItem(atPath: temporary, toPath: maildir + "/new/" + name)
    }

    static func message(id: String, body: String) -> String {
        """
        From: Eero Esimerkki <eero@posti.example>
        To: Asiakaspalvelu <asiakaspalvelu@operaattori.example>
        Subject: Uusi viesti
        Date: Mon, 3 Mar 2025 10:00:00 +0200
        Message-ID: <\(id)@posti.example>

        \(body)

        """
    }

    static func capturing(_ fixture: ServerFixture) throws -> WebService {
        var configuration = fixture.configuration
        configuration.capture = true
        return try WebService(configuration, users: fixture.users)
    }

    @Test func mailDeliveredWhileServingBecomesSearchableAndShowsOnTheSourcesPageAndInTheMetrics() async throws {
        let fixture = try Self.fixtureWithMaildir()
        defer { fixture.remove() }
        let service = try Self.capturing(fixture)
        let capture = try #require(service.capture)
        let admin = fixture.tokens["ada"]
        let agent = fixture.tokens["aino"]

        try await service.application.test(.live) { client in
            try Self.deliver(fixture.path("maildir"), name: "1741000000.M1P1.testi", Self.message(id: "tuuli-1", body: "Tuulivoimalan laskusta kysyn."))
            let hits = try await poll("the delivered message in search") { () async throws -> Int? in
                let found = try jsonObject(try await client.api("/api/v1/search?q=tuulivoimala", token: agent))
                let total = found["total"] as? Int ?? 0
                return total > 0 ? total : nil
            }
            #expect(hits == 1)
            #expect(capture.phase == .capturing)

            // The admin API and page show the source and what it archived.
            let listed = try jsonObject(try await client.api("/api/v1/sources", token: admin))
            let sources = listed["sources"] as? [[String: Any]] ?? []
            #expect(sources.count == 1)
            let posti = try #require(sources.first)
            #expect(posti["name"] as? String == "posti")
            #expect(posti["kind"] as? String == "maildir")
            #expect(posti["location"] as? String == fixture.path("maildir"))
            #expect(posti["archived"] as? Int == 1)
            #expect(posti["quarantined"] as? Int == 0)
            #expect(posti["failures"] as? Int == 0)
            #expect(posti["last_success_at"] is String)
            #expect(posti["lag_seconds"] is Int)
            for role in ["aino", "olli"] {
                #expect(try await client.api("/api/v1/sources", token: fixture.tokens[role]).status == .forbidden, "\(role)")
            }
            #expect(try await client.api("/api/v1/sources", token: nil).status == .unauthorized)

            let ada = try await client.signIn("ada", password: ServerFixture.passwords["ada"] ?? "")
            let page = try await client.get("/sources", ada)
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<tr class="source" data-name="posti">"#))
            #expect(page.text.contains(#"<td class="archived">1</td>"#))
            #expect(page.text.contains(#"<td class="location">\#(fixture.path("maildir"))</td>"#))
            let aino = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            #expect(try await client.get("/sources", aino).status == .forbidden)

            // The metrics count the capture and the search.
            let metrics = try await client.api("/metrics", token: admin)
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let samples = MetricSamples(metrics.text)
            #expect(samples[#"arkisto_records_archived_total{via="capture",source="posti"}"#] == 1)
            #expect(samples[#"arkisto_records_quarantined_total{via="capture",source="posti"}"#] == 0)
            #expect(samples[#"arkisto_source_failures_total{source="posti"}"#] == 0)
            #expect(samples[#"arkisto_source_consecutive_failures{source="posti"}"#] == 0)
            #expect((samples[#"arkisto_source_last_success_timestamp_seconds{source="posti"}"#] ?? 0) > 1_700_000_000)
            #expect(samples[#"arkisto_source_lag_seconds{source="posti"}"#] != nil)
            #expect((samples["arkisto_search_duration_seconds_count"] ?? 0) >= 1)
            #expect(samples["arkisto_capture_active"] == 1)
        }
        await capture.stop()
        #expect(capture.phase == .finished)
        #expect(try fixture.store().sourceStatus(named: "posti", now: Date()).archived == 1)
    }

    @Test func aFailingSourcesErrorIsShownEscapedAndCounted() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        // A folder name with markup: the page shows it (location and error) as text.
        let maildir = fixture.path("<img src=x onerror=alert(1)>")
        try Self.makeMaildir(maildir)
        try SourceRegistry(archive: fixture.store()).add(ConfiguredSource(
            name: SourceName("rikki"), settings: .maildir(MaildirSettings(path: maildir))))
        // A Maildir without new/ cannot be listed: every run fails.
        try FileManager.default.removeItem(atPath: maildir + "/new")
        let service = try Self.capturing(fixture)
        let admin = fixture.tokens["ada"]

        try await service.application.test(.live) { client in
            let status = try await poll("the source's first failure") { () async throws -> [String: Any]? in
                let listed = try jsonObject(try await client.api("/api/v1/sources", token: admin))
                let source = (listed["sources"] as? [[String: Any]])?.first
                return (source?["failures"] as? Int ?? 0) > 0 ? source : nil
            }
            #expect(status["failing"] as? Bool == true)
            #expect((status["last_error"] as? String)?.contains("cannot list the Maildir") == true)
            #expect(status["last_success_at"] is NSNull)

            let ada = try await client.signIn("ada", password: ServerFixture.passwords["ada"] ?? "")
            let page = try await client.get("/sources", ada).text
            #expect(page.contains(#"<tr class="source failing" data-name="rikki">"#))
            #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;/new: cannot list the Maildir"))
            #expect(!page.contains("<img src=x"))

            let samples = MetricSamples(try await client.api("/metrics", token: admin).text)
            #expect((samples[#"arkisto_source_failures_total{source="rikki"}"#] ?? 0) >= 1)
            #expect((samples[#"arkisto_source_consecutive_failures{source="rikki"}"#] ?? 0) >= 1)
            #expect(samples[#"arkisto_source_last_success_timestamp_seconds{source="rikki"}"#] == 0)
            #expect(samples[#"arkisto_source_lag_seconds{source="rikki"}"#] == nil)
        }
        await service.capture?.stop()
    }

    @Test func aSecondCapturingServerServesWhileItWaitsForTheFirstAndTakesOverWhenItStops() async throws {
        let fixture = try Self.fixtureWithMaildir()
        defer { fixture.remove() }
        let first = try Self.capturing(fixture)
        let second = try Self.capturing(fixture)
        let firstCapture = try #require(first.capture)
        let secondCapture = try #require(second.capture)
        let agent = fixture.tokens["aino"]

        try await first.application.test(.live) { _ in
            try await poll("the first server capturing") { firstCapture.phase == .capturing ? true : nil }
            try await second.application.test(.live) { client in
                // The second server's web app answers while its capture waits for the lock.
                #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
                #expect(try await client.api("/api/v1/search?q=lasku", token: agent).status == .ok)
                #expect(secondCapture.phase == .waitingForLock)

                await firstCapture.stop()
                #expect(firstCapture.phase == .finished)
                try await poll("the second server capturing") { secondCapture.phase == .capturing ? true : nil }
                try Self.deliver(fixture.path("maildir"), name: "1741000001.M2P2.testi", Self.message(id: "seepra-1", body: "Seepran laskusta kysyn."))
                let hits = try await poll("the message captured by the second server") { () async throws -> Int? in
                    let total = try jsonObject(try await client.api("/api/v1/search?q=seepra", token: agent))["total"] as? Int ?? 0
                    return total > 0 ? total : nil
                }
                #expect(hits == 1)
            }
        }
        await secondCapture.stop()
        #expect(secondCapture.phase == .finished)
    }

    @Test func theWebAppAloneNeverCaptures() async throws {
        let fixture = try Self.fixtureWithMaildir()
        defer { fixture.remove() }
        var configuration = fixture.configuration
        configuration.capture = true
        // WebServer.application is the web app alone, whatever the configuration says.
        let app = try WebServer.application(configuration, users: fixture.users)
        try Self.deliver(fixture.path("maildir"), name: "1741000002.M3P3.testi", Self.message(id: "ei-1", body: "Kameleontti."))
        try await app.test(.live) { client in
            let samples = MetricSamples(try await client.api("/metrics", token: fixture.tokens["ada"]).text)
            #expect(samples["arkisto_capture_active"] == 0)
        }
        #expect(try fixture.store().sourceStatus(named: "posti", now: Date()).lastAttemptAt == nil)
        #expect(try WebService(fixture.configuration, users: fixture.users).capture == nil)
    }
}

/// Polls `probe` every 50 ms until it returns a value; gives up (failing) after 60 s, a bound
/// for a stalled capture, not a measurement.
@discardableResult
func poll<T>(_ what: String, _ probe: () async throws -> T?) async throws -> T {
    let deadline = ContinuousClock.now.advanced(by: .seconds(60))
    while ContinuousClock.now < deadline {
        if let value = try await probe() { return value }
        try await Task.sleep(for: .milliseconds(50))
    }
    throw TestFailure.missing("\(what) within 60 s")
}
