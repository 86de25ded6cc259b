import Archive
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ArkistoServer

/// Admin imports read only the configured import folders, quote no file content, and are audited.
@Suite struct ImportConfinementTests {
    @Test func pathsOutsideTheImportFoldersAreRefusedWithoutQuotingThem() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let secret = "SALAINEN-RIVI-\(UUID().uuidString)"
        try fixture.write("outside/secret.jsonl", secret + "\n")
        try fixture.write("more/lists/ok.txt", "ei asiakaslista\n")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: fixture.path("more/key-link"), withDestinationPath: fixture.archivePath + ".pidkey")
        try fm.createSymbolicLink(atPath: fixture.path("more/outside-folder"), withDestinationPath: fixture.path("outside"))
        try fm.createSymbolicLink(atPath: fixture.path("more/lists/escape"), withDestinationPath: fixture.path("outside/secret.jsonl"))
        let keyBytes = try Data(contentsOf: URL(fileURLWithPath: fixture.archivePath + ".pidkey"))
        let admin = fixture.tokens["ada"]
        try await fixture.application().test(.router) { client in
            let attempts = [
                fixture.archivePath + ".pidkey", "/etc/passwd", fixture.path("outside/secret.jsonl"), "../outside/secret.jsonl",
                fixture.path("more/../outside/secret.jsonl"), "key-link", "outside-folder", "outside-folder/secret.jsonl",
                "lists", fixture.path("more/ei-ole.jsonl"), "",
            ]
            for path in attempts {
                let body = try String(data: JSONEncoder().encode(["source": "customers"]), encoding: .utf8) ?? ""
                let json = String(body.dropLast()) + ",\"paths\":[\(String(data: try JSONEncoder().encode(path), encoding: .utf8) ?? "")]}"
                let response = try await client.api("/api/v1/imports", token: admin, method: .post, json: json)
                #expect(response.status == .badRequest, "\(path)")
                #expect(!response.text.contains(secret), "\(path)")
                #expect(!response.text.contains("root:"), "\(path)")
                #expect(!response.text.contains(keyBytes.base64EncodedString()), "\(path)")
            }
            let listed = try jsonObject(try await client.api("/api/v1/imports", token: admin))
            #expect((listed["jobs"] as? [[String: Any]])?.isEmpty == true)
        }
        let refusals = try fixture.store().auditEntries().filter { $0.action == .importRun }
        #expect(refusals.count == 11)
        #expect(refusals.allSatisfy { $0.actor == "api:ada" && $0.request.contains("refused") })
        #expect(refusals.contains { $0.request.contains("/etc/passwd") })
    }

    @Test func aFailedOrQuarantinedImportQuotesNoContent() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let secret = "SALAINEN-RIVI-\(UUID().uuidString)"
        try fixture.write("more/not-customers.jsonl", secret + "\n{\"id\": 5, \"muuta\": \"\(secret)\"}\n")
        try fixture.write("more/not-mail.eml", secret)
        let admin = fixture.tokens["ada"]
        try await fixture.application().test(.router) { client in
            for (source, path) in [("customers", "not-customers.jsonl"), ("helpdesk", "not-customers.jsonl"), ("calls", "not-mail.eml")] {
                let queued = try await client.api(
                    "/api/v1/imports", token: admin, method: .post, json: #"{"source": "\#(source)", "paths": ["\#(path)"]}"#)
                #expect(queued.status == .accepted)
                #expect(!queued.text.contains(secret))
                let location = try #require(queued.headers[.location])
                let job = try await client.finishedImport(location, token: admin)
                let text = String(data: try JSONSerialization.data(withJSONObject: job), encoding: .utf8) ?? ""
                #expect(!text.contains(secret), "\(source)")
                let page = try await client.signIn("ada", password: ServerFixture.passwords["ada"] ?? "")
                let html = try await client.get(location.replacingOccurrences(of: "/api/v1", with: ""), page)
                #expect(html.status == .ok)
                #expect(!html.text.contains(secret), "\(source)")
            }
        }
        let imports = try fixture.store().auditEntries().filter { $0.action == .importRun }
        #expect(imports.count == 3)
        #expect(imports.allSatisfy { $0.actor == "api:ada" && ($0.request.contains("failed") || $0.request.contains("quarantined")) })
        #expect(imports.allSatisfy { !$0.request.contains(secret) })
    }

    @Test func withoutImportFoldersServerSideImportsAreOff() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try fixture.write("more/uusi.eml", "From: <eero@posti.example>\nMessage-ID: <x-1@posti.example>\n\nKirahvi.\n")
        var configuration = fixture.configuration
        configuration.importFolders = []
        try await WebServer.application(configuration, users: fixture.users).test(.router) { client in
            let response = try await client.api(
                "/api/v1/imports", token: fixture.tokens["ada"], method: .post,
                json: "{\"source\": \"mail\", \"paths\": [\"\(fixture.path("more/uusi.eml"))\"]}")
            #expect(response.status == .badRequest)
            #expect(response.text.contains("--import-dir"))
        }
    }
}
