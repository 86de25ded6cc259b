import Archive
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ArkistoServer

@Suite struct APITests {
    /// Every API route with the least role that may use it.
    static let routes: [(HTTPRequest.Method, String, Role, String?)] = [
        (.get, "/api/v1/search?q=lasku", .agent, nil),
        (.get, "/api/v1/customers/C1", .agent, nil),
        (.get, "/api/v1/interactions/1", .agent, nil),
        (.get, "/api/v1/interactions/1/attachments/0", .agent, nil),
        (.get, "/api/v1/interactions/1/recording", .agent, nil),
        (.get, "/api/v1/interactions/1/transcript", .agent, nil),
        (.get, "/api/v1/complaints", .agent, nil),
        (.get, "/api/v1/inspections", .privacyOfficer, nil),
        (.post, "/api/v1/inspections", .privacyOfficer, #"{"customer": "C1"}"#),
        (.get, "/api/v1/inspections/1", .privacyOfficer, nil),
        (.post, "/api/v1/inspections/1/verify", .privacyOfficer, nil),
        (.post, "/api/v1/inspections/1/extend", .privacyOfficer, #"{"months": 1, "reason": "x"}"#),
        (.post, "/api/v1/inspections/1/close", .privacyOfficer, #"{"outcome": "rejected", "reason": "x"}"#),
        (.post, "/api/v1/inspections/1/report", .privacyOfficer, nil),
        (.get, "/api/v1/inspections/1/reviews", .privacyOfficer, nil),
        (.post, "/api/v1/inspections/1/reviews", .privacyOfficer, #"{"source_ref": "x", "decision": "include"}"#),
        (.get, "/api/v1/audit", .privacyOfficer, nil),
        (.post, "/api/v1/customers/C3/erasure", .privacyOfficer, #"{"reason": "x", "confirm": "C3", "dry_run": true}"#),
        (.post, "/api/v1/imports", .admin, #"{"source": "mail", "paths": ["/nonexistent"]}"#),
        (.get, "/api/v1/imports", .admin, nil),
        (.get, "/api/v1/imports/1", .admin, nil),
        (.get, "/api/v1/sign-in-locks", .admin, nil),
        (.post, "/api/v1/sign-in-locks/unlock", .admin, #"{"kind": "account", "name": "aino"}"#),
        (.get, "/api/v1/sources", .admin, nil),
    ]

    @Test func everyRouteNeedsAValidTokenAndTheRightRole() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let tokenOf: [Role: String] = [
            .agent: fixture.tokens["aino"] ?? "", .privacyOfficer: fixture.tokens["olli"] ?? "", .admin: fixture.tokens["ada"] ?? "",
        ]
        try await fixture.application().test(.router) { client in
            for (method, uri, needed, body) in Self.routes {
                for token in [nil, "", "ark_x_y", "ark_" + String(repeating: "A", count: 40), "Basic YWlubzpzYWxhc2FuYQ=="] {
                    let response = try await client.api(uri, token: token, method: method, json: body)
                    #expect(response.status == .unauthorized, "\(method) \(uri) with \(token ?? "no token")")
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                    #expect(try jsonObject(response)["error"] is String)
                    expectSecurityHeaders(response)
                }
                // A web session is not an API credential.
                let session = try await client.signIn("ada", password: ServerFixture.passwords["ada"] ?? "")
                var headers = HTTPFields()
                headers[.cookie] = session.cookie
                #expect(try await client.execute(uri: uri, method: method, headers: headers).status == .unauthorized)
                for role in Role.allCases {
                    let response = try await client.api(uri, token: tokenOf[role], method: method, json: body)
                    if role.allows(needed) {
                        #expect(response.status != .unauthorized && response.status != .forbidden, "\(role) \(method) \(uri)")
                        #expect(response.status != .internalServerError, "\(role) \(method) \(uri)")
                    } else {
                        #expect(response.status == .forbidden, "\(role) \(method) \(uri): \(response.status)")
                        #expect(try jsonObject(response)["error"] is String)
                    }
                }
            }
        }
    }

    @Test func searchCustomerInteractionAndComplaints() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let id = try interactionID(fixture, "reklamaatio-1@koti.example")
        let token = fixture.tokens["aino"]
        try await fixture.application().test(.router) { client in
            let search = try jsonObject(try await client.api("/api/v1/search?q=laskusta&limit=2&offset=0", token: token))
            let total = try #require(search["total"] as? Int)
            #expect(total >= 3)
            let results = try #require(search["results"] as? [[String: Any]])
            #expect(results.count == 2)
            for key in ["interaction_id", "kind", "source_ref", "occurred_at", "subject", "snippet", "score"] {
                #expect(results[0][key] != nil, "\(key)")
            }
            let next = try jsonObject(try await client.api("/api/v1/search?q=laskusta&limit=2&offset=2", token: token))
            let nextIDs = (next["results"] as? [[String: Any]] ?? []).compactMap { $0["interaction_id"] as? Int }
            #expect(Set(nextIDs).isDisjoint(with: results.compactMap { $0["interaction_id"] as? Int }))
            let filtered = try jsonObject(try await client.api("/api/v1/search?q=laskusta&kind=support", token: token))
            #expect((filtered["results"] as? [[String: Any]] ?? []).allSatisfy { $0["kind"] as? String == "ticket" })
            #expect(try await client.api("/api/v1/search?q=lasku&kind=fax", token: token).status == .badRequest)
            #expect(try await client.api("/api/v1/search", token: token).status == .badRequest)
            let syntax = try await client.api("/api/v1/search?q=" + percentEncoded("lasku ("), token: token)
            #expect(syntax.status == .badRequest)
            #expect(try jsonObject(syntax)["position"] as? Int == 7)

            let customer = try jsonObject(try await client.api("/api/v1/customers/C1", token: token))
            #expect(customer["name"] as? String == "Aino Asiakas")
            #expect((customer["identifiers"] as? [[String: Any]])?.contains { $0["value"] as? String == "AS-1000001" } == true)
            let timeline = try #require(customer["interactions"] as? [[String: Any]])
            #expect(timeline.contains { $0["interaction_id"] as? Int == Int(id) && $0["is_complaint"] as? Bool == true })
            #expect(try await client.api("/api/v1/customers/C404", token: token).status == .notFound)

            let interaction = try jsonObject(try await client.api("/api/v1/interactions/\(id)", token: token))
            #expect((interaction["body"] as? String)?.hasPrefix("Hei, teen reklamaation") == true)
            let attachments = try #require(interaction["attachments"] as? [[String: Any]])
            #expect(attachments.first?["download"] as? String == "/api/v1/interactions/\(id)/attachments/0")
            #expect((interaction["customers"] as? [[String: Any]])?.first?["id"] as? String == "C1")
            let file = try await client.api("/api/v1/interactions/\(id)/attachments/0", token: token)
            #expect(file.headers[.contentType] == "application/octet-stream")
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            #expect(try await client.api("/api/v1/interactions/0", token: token).status == .notFound)

            let call = try interactionID(fixture, "1741503120.6")
            let recording = try await client.api("/api/v1/interactions/\(call)/recording", token: token)
            #expect(Array(recording.body.readableBytesView) == ServerFixture.wav)
            let transcript = try await client.api("/api/v1/interactions/\(call)/transcript", token: token)
            #expect(String(buffer: transcript.body).hasPrefix("WEBVTT"))

            let complaints = try jsonObject(try await client.api("/api/v1/complaints", token: token))
            #expect((complaints["total"] as? Int ?? 0) >= 1)
            #expect(try await client.api("/api/v1/complaints?since=x", token: token).status == .badRequest)
        }
    }

    @Test func inspectionsReviewsReportAuditErasureAndImports() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let officer = fixture.tokens["olli"]
        try await fixture.application().test(.router) { client in
            let opened = try await client.api(
                "/api/v1/inspections", token: officer, method: .post,
                json: #"{"customer": "C1", "received_on": "2025-01-31", "channel": "email"}"#)
            #expect(opened.status == .created)
            let record = try jsonObject(opened)
            let id = try #require(record["id"] as? Int)
            #expect(record["due_on"] as? String == "2025-02-28")
            #expect(record["overdue"] as? Bool == true)
            #expect(record["opened_by"] as? String == "api:olli")
            #expect(try await client.api("/api/v1/inspections", token: officer, method: .post, json: "{").status == .badRequest)
            #expect(try await client.api("/api/v1/inspections", token: officer, method: .post, json: #"{"customer": "C1", "channel": "fax"}"#).status == .badRequest)

            let list = try jsonObject(try await client.api("/api/v1/inspections", token: officer))
            #expect((list["cases"] as? [[String: Any]])?.count == 1)
            #expect(try jsonObject(try await client.api("/api/v1/inspections/\(id)", token: officer))["status"] as? String == "received")
            let extended = try jsonObject(try await client.api(
                "/api/v1/inspections/\(id)/extend", token: officer, method: .post, json: #"{"months": 2, "reason": "Monimutkainen"}"#))
            #expect(extended["due_on"] as? String == "2025-04-30")
            #expect(try await client.api(
                "/api/v1/inspections/\(id)/extend", token: officer, method: .post, json: #"{"months": 1, "reason": "Lisää"}"#).status == .conflict)
            #expect(try jsonObject(try await client.api("/api/v1/inspections/\(id)/verify", token: officer, method: .post))["status"] as? String
                == "identity_verified")

            let reviews = try jsonObject(try await client.api("/api/v1/inspections/\(id)/reviews", token: officer))
            let items = try #require(reviews["reviews"] as? [[String: Any]])
            #expect(items.contains { $0["source_ref"] as? String == "naapuri-1@muu.example" && $0["decision"] as? String == "pending" })
            let decided = try jsonObject(try await client.api(
                "/api/v1/inspections/\(id)/reviews", token: officer, method: .post,
                json: #"{"source_ref": "naapuri-1@muu.example", "decision": "exclude"}"#))
            #expect((decided["reviews"] as? [[String: Any]])?.first?["decision"] as? String == "exclude")
            #expect(try await client.api(
                "/api/v1/inspections/\(id)/reviews", token: officer, method: .post,
                json: #"{"source_ref": "naapuri-1@muu.example", "decision": "maybe"}"#).status == .badRequest)

            let report = try await client.api("/api/v1/inspections/\(id)/report", token: officer, method: .post)
            #expect(report.status == .ok)
            #expect(report.headers[.contentDisposition]?.contains(".tar") == true)
            let closed = try jsonObject(try await client.api(
                "/api/v1/inspections/\(id)/close", token: officer, method: .post, json: #"{"outcome": "delivered"}"#))
            #expect(closed["status"] as? String == "delivered")
            #expect(try await client.api(
                "/api/v1/inspections/\(id)/close", token: officer, method: .post, json: #"{"outcome": "lost"}"#).status == .badRequest)
            #expect(try await client.api("/api/v1/inspections/424242", token: officer).status == .notFound)

            let audit = try jsonObject(try await client.api("/api/v1/audit?customer=C1", token: officer))
            let entries = try #require(audit["entries"] as? [[String: Any]])
            #expect(entries.contains { $0["action"] as? String == "inspection_report" && $0["actor"] as? String == "api:olli" })
            #expect(entries.contains { $0["action"] as? String == "file_download" && $0["actor"] as? String == "api:olli" })

            let unconfirmed = try await client.api(
                "/api/v1/customers/C3/erasure", token: officer, method: .post, json: #"{"reason": "Pyyntö", "confirm": "C1"}"#)
            #expect(unconfirmed.status == .badRequest)
            let dry = try jsonObject(try await client.api(
                "/api/v1/customers/C3/erasure", token: officer, method: .post, json: #"{"reason": "Pyyntö", "confirm": "C3", "dry_run": true}"#))
            #expect(dry["dry_run"] as? Bool == true)
            #expect((dry["remove"] as? Int ?? 0) >= 1)
            let erased = try jsonObject(try await client.api(
                "/api/v1/customers/C3/erasure", token: officer, method: .post, json: #"{"reason": "Pyyntö", "confirm": "C3"}"#))
            #expect(erased["dry_run"] as? Bool == false)
            #expect(try await client.api("/api/v1/customers/C3", token: officer).status == .notFound)

            try fixture.write("more/uusi.eml", "From: <eero@posti.example>\nSubject: Tuotu rajapinnasta\nMessage-ID: <api-1@posti.example>\n\nKirahvi.\n")
            let admin = fixture.tokens["ada"]
            let queued = try await client.api(
                "/api/v1/imports", token: admin, method: .post, json: #"{"source": "mail", "paths": ["uusi.eml"]}"#)
            #expect(queued.status == .accepted)
            let location = try #require(queued.headers[.location])
            let job = try await client.finishedImport(location, token: admin)
            #expect(job["state"] as? String == "succeeded")
            #expect((job["result"] as? [String: Any])?["archived"] as? Int == 1)
            #expect((job["progress"] as? [String: Any])?["archived"] as? Int == 1)
            #expect((job["progress"] as? [String: Any])?["percent"] as? Int == 100)
            #expect(job["requested_by"] as? String == "ada")
            // A customer given again with other details counts as updated, in the job and its result.
            try fixture.write("more/register.jsonl", """
                {"id": "C2", "kind": "person", "name": "Eero Esimerkki", "emails": ["eero@posti.example"], "phones": ["+358 50 7654321"], "customer_number": "AS-1000002", "business_id": null, "personal_id": null, "address": "Uusikatu 2, 00100 HELSINKI", "marketing_consent": true}

                """)
            let register = try await client.api(
                "/api/v1/imports", token: admin, method: .post, json: #"{"source": "customers", "paths": ["register.jsonl"]}"#)
            let registerJob = try await client.finishedImport(try #require(register.headers[.location]), token: admin)
            #expect((registerJob["result"] as? [String: Any])?["updated"] as? Int == 1)
            #expect((registerJob["result"] as? [String: Any])?["archived"] as? Int == 0)
            #expect((registerJob["progress"] as? [String: Any])?["updated"] as? Int == 1)
            let listed = try jsonObject(try await client.api("/api/v1/imports", token: admin))
            #expect((listed["jobs"] as? [[String: Any]])?.count == 2)
            #expect(try await client.api("/api/v1/imports/99", token: admin).status == .notFound)
            #expect(try await client.api("/api/v1/imports", token: admin, method: .post, json: #"{"source": "fax", "paths": []}"#).status == .badRequest)
        }
    }

    @Test func openAPIDocumentsEveryRoute() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/yaml") == true)
            let yaml = response.text
            #expect(yaml.hasPrefix("openapi: 3.1.0"))
            for (_, uri, _, _) in Self.routes {
                let path = String(uri.prefix { $0 != "?" })
                    .replacingOccurrences(of: "/C1", with: "/{id}").replacingOccurrences(of: "/C3", with: "/{id}")
                    .replacingOccurrences(of: "/1/", with: "/{id}/").replacingOccurrences(of: "/0", with: "/{index}")
                let normalised = path.hasSuffix("/1") ? String(path.dropLast(2)) + "/{id}" : path
                #expect(yaml.contains("  \(normalised):"), "\(normalised)")
            }
        }
    }
}
