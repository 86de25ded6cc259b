import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ArkistoServer

@Suite struct AuthTests {
    @Test func signInSetsAStrictHttpOnlySessionCookieAndSignOutEndsIt() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let page = try await client.execute(uri: "/login", method: .get)
            #expect(page.status == .ok)
            expectSecurityHeaders(page)
            for fragment in [#"<form method="post" action="/login""#, #"name="username" id="username""#,
                             #"type="password" name="password" id="password""#, #"type="submit" id="sign-in""#] {
                #expect(page.text.contains(fragment))
            }
            #expect(csrfField(page.text) != nil)

            var headers = HTTPFields()
            headers[.cookie] = page.setCookie("arkisto_login")
            headers[.contentType] = "application/x-www-form-urlencoded"
            let csrf = csrfField(page.text) ?? ""
            let good = try await client.execute(
                uri: "/login", method: .post, headers: headers,
                body: formBody([("csrf", csrf), ("username", "aino"), ("password", ServerFixture.passwords["aino"] ?? "")]))
            #expect(good.status == .seeOther)
            #expect(good.headers[.location] == "/")
            let cookie = good.headers[values: .setCookie].first { $0.hasPrefix("arkisto_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            // 32 random bytes, base64url.
            #expect((Base64URL.decode(String(cookie.dropFirst("arkisto_session=".count).prefix { $0 != ";" })) ?? []).count == 32)

            let session = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            let home = try await client.get("/", session)
            #expect(home.status == .ok)
            #expect(home.text.contains(#"<span id="user">aino</span>"#))
            #expect(home.text.contains(#"<form method="post" action="/logout" id="logout">"#))
            #expect(home.text.contains(#"<form method="get" action="/search" id="search">"#))

            // Signing out needs the session's CSRF token.
            let forged = try await client.post("/logout", session, [], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(try await client.get("/", session).status == .ok)
            let out = try await client.post("/logout", session, [])
            #expect(out.status == .seeOther)
            #expect(out.headers[.location] == "/login")
            let after = try await client.get("/", session)
            #expect(after.status == .seeOther)
            #expect(after.headers[.location] == "/login")
        }
    }

    @Test func badCredentialsAndForgedSignInsAreRefused() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let page = try await client.execute(uri: "/login", method: .get)
            var headers = HTTPFields()
            headers[.cookie] = page.setCookie("arkisto_login")
            headers[.contentType] = "application/x-www-form-urlencoded"
            let csrf = csrfField(page.text) ?? ""
            for (user, password) in [("aino", "väärä salasana"), ("eiole", "mitä tahansa"), ("", "")] {
                let bad = try await client.execute(
                    uri: "/login", method: .post, headers: headers,
                    body: formBody([("csrf", csrf), ("username", user), ("password", password)]))
                #expect(bad.status == .unauthorized)
                #expect(bad.text.contains(#"<p class="error">"#))
                #expect(bad.setCookie("arkisto_session") == nil)
            }
            // The right password without the pre-session token (a cross-site post): refused.
            var bare = HTTPFields()
            bare[.contentType] = "application/x-www-form-urlencoded"
            let forged = try await client.execute(
                uri: "/login", method: .post, headers: bare,
                body: formBody([("csrf", csrf), ("username", "aino"), ("password", ServerFixture.passwords["aino"] ?? "")]))
            #expect(forged.status == .forbidden)
            #expect(forged.setCookie("arkisto_session") == nil)
            // A made-up session cookie is no session.
            let fake = try await client.get("/search?q=lasku", WebSession(cookie: "arkisto_session=keksitty", csrf: ""))
            #expect(fake.status == .seeOther)
        }
    }

    @Test func everyWebPageNeedsSignInAndTheRightRole() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let agentPages = ["/", "/search?q=lasku", "/customers/C1", "/interactions/1", "/interactions/1/attachments/0",
                              "/interactions/1/recording", "/interactions/1/transcript", "/complaints"]
            let officerPages = ["/inspections", "/inspections/1", "/audit", "/customers/C1/erasure"]
            let adminPages = ["/imports", "/imports/1", "/sign-in-locks"]
            for uri in agentPages + officerPages + adminPages {
                let response = try await client.get(uri, nil)
                #expect(response.status == .seeOther, "\(uri)")
                #expect(response.headers[.location] == "/login", "\(uri)")
                expectSecurityHeaders(response)
            }
            for uri in ["/inspections", "/inspections/1/verify", "/inspections/1/extend", "/inspections/1/deliver",
                        "/inspections/1/reject", "/inspections/1/report", "/inspections/1/reviews", "/customers/C1/erasure",
                        "/imports", "/logout"] {
                #expect(try await client.post(uri, nil, []).status == .seeOther, "\(uri)")
            }
            let agent = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            for uri in officerPages + adminPages {
                let response = try await client.get(uri, agent)
                #expect(response.status == .forbidden, "\(uri)")
                #expect(response.text.contains(#"<p class="error">"#))
            }
            #expect(!(try await client.get("/", agent).text.contains("/inspections")))
            for uri in ["/inspections", "/inspections/1/verify", "/customers/C1/erasure", "/imports"] {
                #expect(try await client.post(uri, agent, [("customer", "C1")]).status == .forbidden, "\(uri)")
            }
            let officer = try await client.signIn("olli", password: ServerFixture.passwords["olli"] ?? "")
            #expect(try await client.get("/imports", officer).status == .forbidden)
            #expect(try await client.get("/audit", officer).status == .ok)
            // A form without the session's CSRF token is refused, even for the right role.
            let noToken = try await client.post("/inspections", officer, [("customer", "C2")], csrf: false)
            #expect(noToken.status == .forbidden)
            let wrongToken = try await client.post(
                "/inspections", WebSession(cookie: officer.cookie, csrf: agent.csrf), [("customer", "C2")])
            #expect(wrongToken.status == .forbidden)
            #expect(try await client.get("/inspections", officer).text.contains(#"<table id="cases">"#))
            let admin = try await client.signIn("ada", password: ServerFixture.passwords["ada"] ?? "")
            #expect(try await client.get("/imports", admin).status == .ok)
            #expect(try await client.get("/audit", admin).status == .ok)
        }
    }

    @Test func publicRoutesAndHeaders() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.application().test(.router) { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(health.text == "ok")
            expectSecurityHeaders(health)
            let css = try await client.execute(uri: "/static/app.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
            let missing = try await client.execute(uri: "/ei-ole", method: .get)
            #expect(missing.status == .notFound)
            expectSecurityHeaders(missing)
            let apiMissing = try await client.api("/api/v1/ei-ole", token: fixture.tokens["aino"])
            #expect(apiMissing.status == .notFound)
            #expect(apiMissing.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }

    @Test func passwordsAndTokensAreStoredOnlyAsSaltedHashes() throws {
        let hash = try PasswordHash.make(password: "salasana123", iterations: 1000)
        #expect(hash.stored.hasPrefix("pbkdf2-sha256$1000$"))
        let again = try PasswordHash.make(password: "salasana123", iterations: 1000)
        #expect(hash.stored != again.stored)
        let read = try PasswordHash(stored: hash.stored)
        #expect(read.matches("salasana123"))
        #expect(!read.matches("salasana124"))
        #expect(!read.matches(""))
        #expect(throws: PasswordHash.Failure.self) { try PasswordHash(stored: "plain-text-password") }

        var users = UsersFile()
        try users.setUser(name: "aino", role: .agent, passwordHash: hash)
        let token = try users.issueToken(for: "aino")
        #expect(token.hasPrefix("ark_"))
        #expect((try? users.setUser(name: "Aino Ä", role: .agent, passwordHash: hash)) == nil)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-users-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("users.json").path
        try users.save(path: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("salasana123"))
        #expect(!text.contains(token))
        // `ark_ID_SECRET`: the id is hex, the secret base64url (which may itself hold `_`).
        let secret = token.dropFirst(4).split(separator: "_", maxSplits: 1).last.map(String.init) ?? ""
        #expect(secret.count >= 43)
        #expect(!text.contains(secret))
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        let loaded = try UsersFile.load(path: path)
        #expect(loaded.user(named: "aino")?.tokens.first?.matches(token) == true)
        #expect(loaded.user(named: "aino")?.tokens.first?.matches(token + "x") == false)
    }
}
