import Archive
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import ArkistoServer

/// Walks every route the server registers, web and API: each one that reads customer data or is a
/// security event leaves an audit entry for the user who asked, and each role refused a route
/// leaves an `access_denied` entry.
@Suite struct AuditCoverageTests {
    /// One visit: the route (as the router names it), the least role that may use it (nil: no
    /// sign-in), the request, and the entry it must leave (nil: it shows no customer data).
    struct Visit {
        var route: String
        var role: Role?
        var action: AuditAction?
        var send: @Sendable (any TestClientProtocol, Caller) async throws -> TestResponse
    }

    /// Who sends a visit: a browser session or an API token of one role.
    struct Caller: Sendable {
        var role: Role
        var session: WebSession?
        var token: String?
        var actor: String
    }

    static let names: [Role: String] = [.agent: "aino", .privacyOfficer: "olli", .admin: "ada"]

    @Test func everyRouteThatReadsCustomerDataOrIsASecurityEventIsAudited() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let mail = try interactionID(fixture, "reklamaatio-1@koti.example")
        let call = try interactionID(fixture, "1741503120.6")
        try fixture.write("more/web.eml", "From: <eero@posti.example>\nMessage-ID: <web-1@posti.example>\n\nKirahvi.\n")
        try fixture.write("more/api.eml", "From: <eero@posti.example>\nMessage-ID: <api-1@posti.example>\n\nSeepra.\n")
        let registered = try Set(
            WebServer.router(
                WebServer.state(fixture.configuration, users: fixture.users, logger: Logger(label: "test")), trustForwardedFor: false
            ).routes.map { "\($0.method) \($0.path)" })
        let store = try fixture.store()

        try await fixture.application().test(.router) { client in
            var sessions: [Role: WebSession] = [:]
            for role in Role.allCases {
                let name = Self.names[role] ?? ""
                sessions[role] = try await client.signIn(name, password: ServerFixture.passwords[name] ?? "")
            }
            func web(_ role: Role) -> Caller {
                Caller(role: role, session: sessions[role], token: nil, actor: "web:\(Self.names[role] ?? "")")
            }
            func api(_ role: Role) -> Caller {
                Caller(role: role, session: nil, token: nil, actor: "api:\(Self.names[role] ?? "")")
            }
            let tokens = fixture.tokens

            func get(_ uri: String) -> @Sendable (any TestClientProtocol, Caller) async throws -> TestResponse {
                { client, caller in
                    if caller.actor.hasPrefix("api:") {
                        return try await client.api(uri, token: tokens[Self.names[caller.role] ?? ""])
                    }
                    return try await client.get(uri, caller.session)
                }
            }
            func form(_ uri: String, _ fields: [(String, String)]) -> @Sendable (any TestClientProtocol, Caller) async throws -> TestResponse {
                { client, caller in try await client.post(uri, caller.session, fields) }
            }
            func json(_ uri: String, _ body: String?) -> @Sendable (any TestClientProtocol, Caller) async throws -> TestResponse {
                { client, caller in
                    try await client.api(uri, token: tokens[Self.names[caller.role] ?? ""], method: .post, json: body ?? "{}")
                }
            }

            var visited: Set<String> = []
            /// Sends a visit as each role below the one needed (each must be refused and logged), then as that role.
            func visit(_ visit: Visit, api isAPI: Bool = false, expect status: HTTPResponse.Status? = nil) async throws -> TestResponse? {
                visited.insert(visit.route)
                guard let needed = visit.role else {
                    return try await visit.send(client, Caller(role: .agent, session: nil, token: nil, actor: ""))
                }
                for role in Role.allCases where !role.allows(needed) {
                    let caller = isAPI ? api(role) : web(role)
                    let before = try store.auditEntries().count
                    let refused = try await visit.send(client, caller)
                    #expect(refused.status == .forbidden, "\(visit.route) as \(role)")
                    let added = try store.auditEntries().dropFirst(before)
                    #expect(added.contains { $0.actor == caller.actor && $0.action == .accessDenied },
                            "\(visit.route) refused to \(role) is not in the audit log")
                }
                let caller = isAPI ? api(needed) : web(needed)
                let before = try store.auditEntries().count
                let response = try await visit.send(client, caller)
                if let status { #expect(response.status == status, "\(visit.route): \(response.status)") }
                #expect(response.status.code < 500, "\(visit.route): \(response.status)")
                if let action = visit.action {
                    let added = try store.auditEntries().dropFirst(before)
                    #expect(added.contains { $0.actor == caller.actor && $0.action == action },
                            "\(visit.route) as \(needed) left no \(action.rawValue) entry: \(added.map(\.action.rawValue))")
                }
                return response
            }
            /// An admin import: the entry is written when the background job ends.
            func importVisit(_ route: String, api isAPI: Bool, _ send: @escaping @Sendable (any TestClientProtocol, Caller) async throws -> TestResponse)
                async throws
            {
                let response = try await visit(Visit(route: route, role: .admin, action: nil, send: send), api: isAPI)
                let location = try #require(response?.headers[.location])
                let job = try await client.finishedImport(
                    location.hasPrefix("/api/") ? location : "/api/v1" + location, token: tokens["ada"])
                #expect(job["state"] as? String == "succeeded")
                let actor = isAPI ? "api:ada" : "web:ada"
                #expect(try store.auditEntries().contains { $0.actor == actor && $0.action == .importRun && $0.request.contains("archived 1") },
                        "\(route)")
            }

            // Public and sign-in routes.
            for route in ["/healthz", "/static/app.css", "/openapi.yaml", "/login"] {
                _ = try await visit(Visit(route: "GET \(route)", role: nil, action: nil, send: get(route)))
            }
            let before = try store.auditEntries().count
            let wrong = try await client.execute(uri: "/login", method: .get)
            var headers = HTTPFields()
            headers[.cookie] = wrong.setCookie("arkisto_login")
            headers[.contentType] = "application/x-www-form-urlencoded"
            let failed = try await client.execute(
                uri: "/login", method: .post, headers: headers,
                body: formBody([("csrf", csrfField(wrong.text) ?? ""), ("username", "eero"), ("password", "arvaus")]))
            #expect(failed.status == .unauthorized)
            visited.insert("POST /login")
            let signIns = try store.auditEntries().dropFirst(before)
            #expect(signIns.contains { $0.action == .signInFailed && $0.request.contains("'eero'") })
            #expect(try store.auditEntries().filter { $0.action == .signIn }.map(\.actor).sorted() == ["web:ada", "web:aino", "web:olli"])

            // What agents read.
            let reads: [(String, String, AuditAction)] = [
                ("GET /", "/?q=lasku", .search), ("GET /search", "/search?q=lasku", .search),
                ("GET /api/v1/search", "/api/v1/search?q=lasku", .search),
                ("GET /complaints", "/complaints", .search), ("GET /api/v1/complaints", "/api/v1/complaints", .search),
            ] + ["", "/api/v1"].flatMap { prefix in
                [
                    ("GET \(prefix)/customers/{id}", "\(prefix)/customers/C1", AuditAction.customerView),
                    ("GET \(prefix)/interactions/{id}", "\(prefix)/interactions/\(mail)", .interactionView),
                    ("GET \(prefix)/interactions/{id}/attachments/{index}", "\(prefix)/interactions/\(mail)/attachments/0", .fileDownload),
                    ("GET \(prefix)/interactions/{id}/recording", "\(prefix)/interactions/\(call)/recording", .fileDownload),
                    ("GET \(prefix)/interactions/{id}/transcript", "\(prefix)/interactions/\(call)/transcript", .fileDownload),
                ]
            }
            for (route, uri, action) in reads {
                _ = try await visit(Visit(route: route, role: .agent, action: action, send: get(uri)), api: uri.hasPrefix("/api/"), expect: .ok)
            }

            // The privacy officer's cases: case 1 (C1) on the web, case 2 (C2) through the API.
            _ = try await visit(Visit(route: "POST /inspections", role: .privacyOfficer, action: .inspectionOpen,
                                      send: form("/inspections", [("customer", "C1")])), expect: .seeOther)
            _ = try await visit(Visit(route: "POST /api/v1/inspections", role: .privacyOfficer, action: .inspectionOpen,
                                      send: json("/api/v1/inspections", #"{"customer": "C2"}"#)), api: true, expect: .created)
            _ = try await visit(Visit(route: "GET /inspections", role: .privacyOfficer, action: .inspectionView, send: get("/inspections")), expect: .ok)
            _ = try await visit(Visit(route: "GET /inspections/{id}", role: .privacyOfficer, action: .inspectionView, send: get("/inspections/1")), expect: .ok)
            _ = try await visit(Visit(route: "GET /api/v1/inspections", role: .privacyOfficer, action: .inspectionView,
                                      send: get("/api/v1/inspections")), api: true, expect: .ok)
            _ = try await visit(Visit(route: "GET /api/v1/inspections/{id}", role: .privacyOfficer, action: .inspectionView,
                                      send: get("/api/v1/inspections/2")), api: true, expect: .ok)
            _ = try await visit(Visit(route: "POST /inspections/{id}/verify", role: .privacyOfficer, action: .inspectionStatus,
                                      send: form("/inspections/1/verify", [])), expect: .seeOther)
            _ = try await visit(Visit(route: "POST /api/v1/inspections/{id}/verify", role: .privacyOfficer, action: .inspectionStatus,
                                      send: json("/api/v1/inspections/2/verify", nil)), api: true, expect: .ok)
            _ = try await visit(Visit(route: "POST /inspections/{id}/extend", role: .privacyOfficer, action: .inspectionStatus,
                                      send: form("/inspections/1/extend", [("months", "1"), ("reason", "paljon aineistoa")])), expect: .seeOther)
            _ = try await visit(Visit(route: "POST /api/v1/inspections/{id}/extend", role: .privacyOfficer, action: .inspectionStatus,
                                      send: json("/api/v1/inspections/2/extend", #"{"months": 1, "reason": "paljon aineistoa"}"#)), api: true, expect: .ok)
            let reviews = try await visit(Visit(route: "GET /api/v1/inspections/{id}/reviews", role: .privacyOfficer, action: .linkReviewView,
                                                send: get("/api/v1/inspections/1/reviews")), api: true, expect: .ok)
            let items = try jsonObject(try #require(reviews))["reviews"] as? [[String: Any]] ?? []
            let ref = try #require(items.first?["source_ref"] as? String)
            _ = try await visit(Visit(route: "POST /api/v1/inspections/{id}/reviews", role: .privacyOfficer, action: .linkReview,
                                      send: json("/api/v1/inspections/1/reviews", #"{"source_ref": "\#(ref)", "decision": "include"}"#)), api: true, expect: .ok)
            _ = try await visit(Visit(route: "POST /inspections/{id}/reviews", role: .privacyOfficer, action: .linkReview,
                                      send: form("/inspections/1/reviews", [("ref", ref), ("decision", "exclude")])), expect: .seeOther)
            _ = try await visit(Visit(route: "POST /inspections/{id}/report", role: .privacyOfficer, action: .fileDownload,
                                      send: form("/inspections/1/report", [])), expect: .ok)
            _ = try await visit(Visit(route: "POST /api/v1/inspections/{id}/report", role: .privacyOfficer, action: .fileDownload,
                                      send: json("/api/v1/inspections/2/report", nil)), api: true, expect: .ok)
            _ = try await visit(Visit(route: "POST /inspections/{id}/deliver", role: .privacyOfficer, action: .inspectionStatus,
                                      send: form("/inspections/1/deliver", [])), expect: .seeOther)
            // Case 2 is open: erasing C2 is refused, and that is logged.
            _ = try await visit(Visit(route: "POST /api/v1/customers/{id}/erasure", role: .privacyOfficer, action: .erasureRefused,
                                      send: json("/api/v1/customers/C2/erasure", #"{"reason": "pyyntö", "confirm": "C2", "dry_run": true}"#)),
                                api: true, expect: .conflict)
            _ = try await visit(Visit(route: "POST /inspections/{id}/reject", role: .privacyOfficer, action: .inspectionStatus,
                                      send: form("/inspections/2/reject", [("reason", "ei henkilöllisyystodistusta")])), expect: .seeOther)
            _ = try await visit(Visit(route: "POST /api/v1/inspections", role: .privacyOfficer, action: .inspectionOpen,
                                      send: json("/api/v1/inspections", #"{"customer": "C2"}"#)), api: true, expect: .created)
            _ = try await visit(Visit(route: "POST /api/v1/inspections/{id}/close", role: .privacyOfficer, action: .inspectionStatus,
                                      send: json("/api/v1/inspections/3/close", #"{"outcome": "rejected", "reason": "peruttu"}"#)), api: true, expect: .ok)
            _ = try await visit(Visit(route: "GET /audit", role: .privacyOfficer, action: .auditView, send: get("/audit")), expect: .ok)
            _ = try await visit(Visit(route: "GET /api/v1/audit", role: .privacyOfficer, action: .auditView, send: get("/api/v1/audit")),
                                api: true, expect: .ok)

            // Erasure: the page and dry runs show the customer; refusals and the erasure itself are logged.
            _ = try await visit(Visit(route: "GET /customers/{id}/erasure", role: .privacyOfficer, action: .erasurePreview,
                                      send: get("/customers/C3/erasure")), expect: .ok)
            _ = try await visit(Visit(route: "POST /api/v1/customers/{id}/erasure", role: .privacyOfficer, action: .erasurePreview,
                                      send: json("/api/v1/customers/C3/erasure", #"{"reason": "pyyntö", "confirm": "C3", "dry_run": true}"#)),
                                api: true, expect: .ok)
            _ = try await visit(Visit(route: "POST /api/v1/customers/{id}/erasure", role: .privacyOfficer, action: .erasureRefused,
                                      send: json("/api/v1/customers/C3/erasure", #"{"reason": "pyyntö", "confirm": "C1"}"#)),
                                api: true, expect: .badRequest)
            _ = try await visit(Visit(route: "POST /customers/{id}/erasure", role: .privacyOfficer, action: .erasureRefused,
                                      send: form("/customers/C3/erasure", [("reason", "pyyntö"), ("confirm", "C1")])), expect: .badRequest)
            _ = try await visit(Visit(route: "POST /customers/{id}/erasure", role: .privacyOfficer, action: .erasure,
                                      send: form("/customers/C3/erasure", [("reason", "pyyntö"), ("confirm", "C3")])), expect: .ok)

            // The admin's imports and sign-in locks.
            _ = try await visit(Visit(route: "GET /imports", role: .admin, action: nil, send: get("/imports")), expect: .ok)
            try await importVisit("POST /imports", api: false, form("/imports", [("source", "mail"), ("path", "web.eml")]))
            _ = try await visit(Visit(route: "GET /imports/{id}", role: .admin, action: nil, send: get("/imports/1")), expect: .ok)
            try await importVisit("POST /api/v1/imports", api: true, json("/api/v1/imports", #"{"source": "mail", "paths": ["api.eml"]}"#))
            _ = try await visit(Visit(route: "GET /api/v1/imports", role: .admin, action: nil, send: get("/api/v1/imports")), api: true, expect: .ok)
            _ = try await visit(Visit(route: "GET /api/v1/imports/{id}", role: .admin, action: nil, send: get("/api/v1/imports/2")), api: true, expect: .ok)
            _ = try await visit(Visit(route: "GET /sign-in-locks", role: .admin, action: nil, send: get("/sign-in-locks")), expect: .ok)
            _ = try await visit(Visit(route: "POST /sign-in-locks/unlock", role: .admin, action: .signInUnlocked,
                                      send: form("/sign-in-locks/unlock", [("kind", "account"), ("name", "eero")])), expect: .seeOther)
            _ = try await visit(Visit(route: "GET /api/v1/sign-in-locks", role: .admin, action: nil, send: get("/api/v1/sign-in-locks")),
                                api: true, expect: .ok)
            _ = try await visit(Visit(route: "POST /api/v1/sign-in-locks/unlock", role: .admin, action: .signInUnlocked,
                                      send: json("/api/v1/sign-in-locks/unlock", #"{"kind": "address", "name": "192.0.2.1"}"#)),
                                api: true, expect: .ok)

            // The capture sources' status and the metrics: no customer data, refusals audited.
            _ = try await visit(Visit(route: "GET /sources", role: .admin, action: nil, send: get("/sources")), expect: .ok)
            _ = try await visit(Visit(route: "GET /api/v1/sources", role: .admin, action: nil, send: get("/api/v1/sources")),
                                api: true, expect: .ok)
            _ = try await visit(Visit(route: "GET /metrics", role: .admin, action: nil, send: get("/metrics")), api: true, expect: .ok)

            // Signing out ends the walk.
            _ = try await visit(Visit(route: "POST /logout", role: .agent, action: .signOut, send: form("/logout", [])), expect: .seeOther)

            #expect(registered.subtracting(visited).isEmpty, "routes the walk missed: \(registered.subtracting(visited).sorted())")
            #expect(visited.subtracting(registered).isEmpty, "routes the walk made up: \(visited.subtracting(registered).sorted())")
        }
    }
}
