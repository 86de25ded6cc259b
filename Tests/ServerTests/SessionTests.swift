import Archive
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ArkistoServer

/// Sessions live in a 0600 file beside the archive (only hashes of their ids), survive a restart,
/// keep their idle and absolute limits, and end when the user signs out, changes password or is removed.
@Suite struct SessionTests {
    @Test func aSessionSurvivesARestartAndOnlyItsHashIsStored() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let signedIn = try await fixture.application().test(.router) { client in
            let session = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            #expect(try await client.get("/", session).status == .ok)
            return session
        }
        // A new server over the same archive: the same cookie still works, with the same CSRF token.
        try await fixture.application().test(.router) { client in
            let home = try await client.get("/", signedIn)
            #expect(home.status == .ok)
            #expect(home.text.contains(#"<span id="user">aino</span>"#))
            #expect(csrfField(home.text) == signedIn.csrf)
            #expect(try await client.post("/logout", signedIn, []).status == .seeOther)
        }
        try await fixture.application().test(.router) { client in
            let after = try await client.get("/", signedIn)
            #expect(after.status == .seeOther)
        }
        let id = String(signedIn.cookie.dropFirst("arkisto_session=".count))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.sessionsPath))
        #expect(bytes.range(of: Data(id.utf8)) == nil)
        #expect(bytes.range(of: Data(signedIn.csrf.utf8)) == nil)
        let mode = (try FileManager.default.attributesOfItem(atPath: fixture.sessionsPath)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
    }

    @Test func changingAPasswordOrRemovingAUserEndsTheirSessionsForGood() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.applicationWithUsersFile().test(.router) { client in
            let aino = try await client.signIn("aino", password: ServerFixture.passwords["aino"] ?? "")
            let olli = try await client.signIn("olli", password: ServerFixture.passwords["olli"] ?? "")
            let ada = try await client.signIn("ada", password: ServerFixture.passwords["ada"] ?? "")
            for session in [aino, olli, ada] { #expect(try await client.get("/", session).status == .ok) }

            var users = try UsersFile.load(path: fixture.usersPath)
            try users.setUser(name: "aino", role: .agent, passwordHash: PasswordHash.make(password: "uusi-salasana", iterations: 1000))
            try users.removeUser(named: "olli")
            try users.save(path: fixture.usersPath)
            #expect(try await client.get("/", aino).headers[.location] == "/login")
            #expect(try await client.get("/", olli).headers[.location] == "/login")
            #expect(try await client.get("/", ada).status == .ok)

            // Olli comes back with the same password: his old session does not.
            try users.setUser(
                name: "olli", role: .privacyOfficer,
                passwordHash: PasswordHash.make(password: ServerFixture.passwords["olli"] ?? "", iterations: 1000))
            try users.save(path: fixture.usersPath)
            #expect(try await client.get("/", olli).headers[.location] == "/login")
            let back = try await client.signIn("olli", password: ServerFixture.passwords["olli"] ?? "")
            #expect(try await client.get("/audit", back).status == .ok)
        }
    }

    @Test func idleAndAbsoluteLimitsHoldAcrossTheFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-sessions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.sessions").path
        let user = UserAccount(name: "aino", role: .agent, passwordHash: "pbkdf2-sha256$1$AAAA$BBBB")
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let store = SessionStore(file: try SessionFile(path: path), idleTimeout: 30 * 60, maximumAge: 12 * 3600)

        let idle = try await store.create(for: user, now: start)
        #expect(await store.session(id: idle.id, now: start.addingTimeInterval(29 * 60)) != nil)
        // Restarted: a new store over the same file keeps the activity written a minute ago or more.
        let restarted = SessionStore(file: try SessionFile(path: path), idleTimeout: 30 * 60, maximumAge: 12 * 3600)
        #expect(await restarted.session(id: idle.id, now: start.addingTimeInterval(58 * 60)) != nil)
        #expect(await restarted.session(id: idle.id, now: start.addingTimeInterval(89 * 60)) == nil)
        #expect(await restarted.session(id: idle.id, now: start.addingTimeInterval(90 * 60)) == nil)

        let busy = try await store.create(for: user, now: start)
        var now = start
        while now.timeIntervalSince(start) < 12 * 3600 - 20 * 60 {
            now = now.addingTimeInterval(20 * 60)
            #expect(await store.session(id: busy.id, now: now) != nil)
        }
        #expect(await store.session(id: busy.id, now: start.addingTimeInterval(12 * 3600 + 1)) == nil)
        #expect(try SessionFile(path: path).count() == 0)
    }

    @Test func revokedTokensStopWorkingAtOnce() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        var users = fixture.users
        let second = try users.issueToken(for: "aino")
        try users.save(path: fixture.usersPath)
        try await fixture.applicationWithUsersFile().test(.router) { client in
            let first = fixture.tokens["aino"]
            #expect(try await client.api("/api/v1/complaints", token: first).status == .ok)
            #expect(try await client.api("/api/v1/complaints", token: second).status == .ok)
            var file = try UsersFile.load(path: fixture.usersPath)
            let secondID = try #require(file.user(named: "aino")?.tokens.last?.id)
            #expect(try file.revokeTokens(of: "aino", id: secondID) == 1)
            try file.save(path: fixture.usersPath)
            #expect(try await client.api("/api/v1/complaints", token: second).status == .unauthorized)
            #expect(try await client.api("/api/v1/complaints", token: first).status == .ok)
            #expect(try file.revokeTokens(of: "aino") == 1)
            try file.save(path: fixture.usersPath)
            #expect(try await client.api("/api/v1/complaints", token: first).status == .unauthorized)
            #expect(try await client.api("/api/v1/complaints", token: fixture.tokens["olli"]).status == .ok)
            #expect(throws: UsersFile.Failure.self) { try file.revokeTokens(of: "eiole") }
        }
    }

    @Test func aMissingArchiveIsRefusedUnlessCreationIsAsked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-missing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("puuttuu.sqlite").path
        var configuration = ServerConfiguration(archivePath: archive, usersPath: folder.appendingPathComponent("u.json").path)
        do {
            _ = try WebServer.application(configuration, users: UsersFile())
            Issue.record("a missing archive was served")
        } catch let error as WebServer.StartupError {
            #expect(error.description.contains("no archive at \(archive)"))
            #expect(error.description.contains("--create"))
        }
        #expect(!FileManager.default.fileExists(atPath: archive))
        configuration.createArchive = true
        _ = try WebServer.application(configuration, users: UsersFile())
        #expect(FileManager.default.fileExists(atPath: archive))
    }
}
