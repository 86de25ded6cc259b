import Archive
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ArkistoServer

/// `/metrics`: who may scrape (the scrape token, an admin's API token; nobody else), and what the
/// counters count: sign-ins by outcome (success, failure, locked), searches, admin imports.
@Suite struct MetricsTests {
    static func tokenFile(_ fixture: ServerFixture, _ token: String, mode: Int = 0o600) throws -> String {
        let path = fixture.path("metrics.token")
        try Data((token + "\n").utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    static let scrapeToken = "c2NyYXBlLXRva2VuLWZvci10ZXN0cw"

    @Test func onlyTheScrapeTokenOrAnAdminsAPITokenMayScrape() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        var configuration = fixture.configuration
        configuration.metricsTokenPath = try Self.tokenFile(fixture, Self.scrapeToken)
        let store = try fixture.store()
        try await WebServer.application(configuration, users: fixture.users).test(.router) { client in
            #expect(try await client.api("/metrics", token: Self.scrapeToken).status == .ok)
            #expect(try await client.api("/metrics", token: fixture.tokens["ada"]).status == .ok)

            let anonymous = try await client.api("/metrics", token: nil)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            #expect(!anonymous.text.contains("arkisto_"))
            #expect(try await client.api("/metrics", token: Self.scrapeToken + "x").status == .unauthorized)
            #expect(try await client.api("/metrics", token: String(Self.scrapeToken.dropLast())).status == .unauthorized)

            // Another role's API token is refused, and the refusal is audited.
            for name in ["aino", "olli"] {
                let before = try store.auditEntries().count
                let refused = try await client.api("/metrics", token: fixture.tokens[name])
                #expect(refused.status == .forbidden, "\(name)")
                #expect(!refused.text.contains("arkisto_"))
                #expect(try store.auditEntries().dropFirst(before).contains { $0.actor == "api:\(name)" && $0.action == .accessDenied })
            }

            // A browser session, even an admin's, is not a scrape credential.
            let ada = try await client.signIn("ada", password: ServerFixture.passwords["ada"] ?? "")
            #expect(try await client.get("/metrics", ada).status == .unauthorized)
        }
    }

    @Test func withoutATokenFileOnlyAdminsAPITokensMayScrape() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let admin = try await client.api("/metrics", token: fixture.tokens["ada"])
            #expect(admin.status == .ok)
            #expect(admin.text.contains("# TYPE arkisto_sign_ins_total counter"))
            #expect(try await client.api("/metrics", token: nil).status == .unauthorized)
            #expect(try await client.api("/metrics", token: Self.scrapeToken).status == .unauthorized)
        }
    }

    @Test func aTokenFileOthersCanReadOrAShortTokenIsRefusedAtStart() throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        var configuration = fixture.configuration
        configuration.metricsTokenPath = try Self.tokenFile(fixture, Self.scrapeToken, mode: 0o644)
        #expect {
            _ = try WebServer.application(configuration, users: fixture.users)
        } throws: { error in
            "\(error)".contains("metrics.token") && "\(error)".contains("chmod 600")
        }
        configuration.metricsTokenPath = try Self.tokenFile(fixture, "lyhyt")
        #expect {
            _ = try WebServer.application(configuration, users: fixture.users)
        } throws: { error in
            "\(error)".contains("metrics.token") && "\(error)".contains("at least 16")
        }
        configuration.metricsTokenPath = fixture.path("ei-ole")
        #expect(throws: WebServer.StartupError.self) { _ = try WebServer.application(configuration, users: fixture.users) }
    }

    @Test func signInsSearchesAndImportsAreCounted() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try fixture.write("more/uusi.eml", "From: <eero@posti.example>\nMessage-ID: <metrit-1@posti.example>\n\nKirahvi.\n")
        let admin = fixture.tokens["ada"]
        try await fixture.application(trustForwardedFor: true).test(.router) { client in
            let before = MetricSamples(try await client.api("/metrics", token: admin).text)
            #expect(before[#"arkisto_sign_ins_total{outcome="success"}"#] == 0)
            #expect(before[#"arkisto_sign_ins_total{outcome="failure"}"#] == 0)
            #expect(before[#"arkisto_sign_ins_total{outcome="locked"}"#] == 0)
            #expect(before["arkisto_search_duration_seconds_count"] == 0)

            // Wrong passwords until the throttle refuses, then sign-ins that succeed.
            let form = try await SignInThrottleTests.form(client)
            var statuses: [HTTPResponse.Status] = []
            for attempt in 1...20 {
                statuses.append(try await form.post(client, "eero", "arvaus-\(attempt)", from: "198.51.100.4").status)
            }
            let wrong = statuses.filter { $0 == .unauthorized }.count
            let refused = statuses.filter { $0 == .tooManyRequests }.count
            #expect(wrong >= 1 && refused >= 1 && wrong + refused == 20)
            _ = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")

            // Two searches, web and API (a query that cannot be read never reaches the archive).
            let olli = try await client.signIn("olli", password: ServerFixture.passwords["olli"] ?? "")
            #expect(try await client.get("/search?q=lasku", olli).status == .ok)
            #expect(try await client.api("/api/v1/search?q=lasku", token: fixture.tokens["aino"]).status == .ok)
            #expect(try await client.api("/api/v1/search?q=%22lasku", token: fixture.tokens["aino"]).status == .badRequest)

            // An admin import of one message.
            let submitted = try await client.api("/api/v1/imports", token: admin, method: .post, json: #"{"source": "mail", "paths": ["uusi.eml"]}"#)
            let location = try #require(submitted.headers[.location])
            #expect(try await client.finishedImport(location, token: admin)["state"] as? String == "succeeded")

            let after = MetricSamples(try await client.api("/metrics", token: admin).text)
            #expect(after[#"arkisto_sign_ins_total{outcome="failure"}"#] == Double(wrong))
            #expect(after[#"arkisto_sign_ins_total{outcome="locked"}"#] == Double(refused))
            #expect(after[#"arkisto_sign_ins_total{outcome="success"}"#] == 2)
            #expect(after["arkisto_search_duration_seconds_count"] == 2)
            #expect((after["arkisto_search_duration_seconds_sum"] ?? 0) > 0)
            #expect(after[#"arkisto_search_duration_seconds_bucket{le="+Inf"}"#] == 2)
            #expect(after[#"arkisto_records_archived_total{via="import",source="mail"}"#] == 1)
            #expect(after[#"arkisto_records_quarantined_total{via="import",source="mail"}"#] == 0)
            // No personal data: no user name, address or query in any series.
            for series in after.series {
                #expect(!series.contains("eero") && !series.contains("198.51") && !series.contains("lasku"), "\(series)")
            }
        }
    }
}
