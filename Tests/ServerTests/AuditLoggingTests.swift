import Archive
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ArkistoServer

/// Every read of customer data through the web app or the API is in the audit log, with the user.
@Suite struct AuditLoggingTests {
    @Test func everyReadIsLoggedWithTheUser() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let mail = try interactionID(fixture, "reklamaatio-1@koti.example")
        let call = try interactionID(fixture, "1741503120.6")
        try await fixture.application().test(.router) { client in
            let agent = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            _ = try await client.get("/search?q=laskusta&kind=email", agent)
            _ = try await client.get("/customers/C1", agent)
            _ = try await client.get("/interactions/\(mail)", agent)
            _ = try await client.get("/interactions/\(mail)/attachments/0", agent)
            _ = try await client.get("/interactions/\(call)/recording", agent)
            _ = try await client.get("/interactions/\(call)/transcript", agent)
            _ = try await client.get("/complaints", agent)
            let token = fixture.tokens["aino"]
            _ = try await client.api("/api/v1/search?q=lasku", token: token)
            _ = try await client.api("/api/v1/customers/C2", token: token)
            _ = try await client.api("/api/v1/interactions/\(mail)", token: token)
            let officer = try await client.signIn("olli", password: ServerFixture.passwords["olli"] ?? "")
            _ = try await client.get("/audit", officer)
            // Refused reads are not reads.
            _ = try await client.api("/api/v1/audit", token: token)
        }
        let entries = try fixture.store().auditEntries()
        func has(_ actor: String, _ action: AuditAction, _ customers: [String], _ request: String) -> Bool {
            entries.contains { $0.actor == actor && $0.action == action && $0.customers == customers && $0.request.contains(request) }
        }
        #expect(has("web:aino", .search, [], "(laskusta) kind:email"))
        #expect(has("web:aino", .customerView, ["C1"], "C1"))
        #expect(has("web:aino", .interactionView, ["C1"], "reklamaatio-1@koti.example"))
        #expect(has("web:aino", .fileDownload, ["C1"], "attachment 0 of interaction \(mail)"))
        #expect(has("web:aino", .fileDownload, ["C1"], "recording of interaction \(call)"))
        #expect(has("web:aino", .fileDownload, ["C1"], "transcript of interaction \(call)"))
        #expect(has("web:aino", .search, [], "is:complaint"))
        #expect(has("api:aino", .search, [], "lasku"))
        #expect(has("api:aino", .customerView, ["C2"], "C2"))
        #expect(has("api:aino", .interactionView, ["C1"], "interaction \(mail)"))
        #expect(has("web:olli", .auditView, [], "audit"))
        #expect(!entries.contains { $0.actor == "api:aino" && $0.action == .auditView })
        #expect(entries.allSatisfy { $0.actor.hasPrefix("web:") || $0.actor.hasPrefix("api:") })
    }
}
