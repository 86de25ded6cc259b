import Capture
import Foundation
import Testing

/// MbsyncMirror against a real Dovecot on loopback (tools/capture/dovecot.py), one server per test.
@Suite(.serialized) struct IMAPMirrorTests {
    static let timeout: Duration = .seconds(60)

    func mirror(
        _ server: IMAPDovecotHarness, password: PasswordSource? = nil, caFile: String?? = .none, staging: String? = nil,
        mbsync: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> MbsyncMirror {
        let settings = IMAPSettings(
            server: try IMAPServer(url: server.info.url), user: server.info.user,
            password: password ?? .file(server.info.passwordFile),
            caFile: caFile ?? server.info.caFile)
        return MbsyncMirror(
            settings: settings, staging: staging ?? server.folder.path + "/staging", mbsync: mbsync, environment: environment)
    }

    /// The error a run ends with, or nil when it succeeds.
    func failure(of mirror: MbsyncMirror, timeout: Duration = Self.timeout) -> IMAPMirrorError? {
        do {
            _ = try mirror.run(timeout: timeout)
            return nil
        } catch {
            return error
        }
    }

    /// The Message-ID of every message file in the Maildir (a duplicate appears twice).
    func messageIDs(in maildir: String) throws -> [String] {
        var found: [String] = []
        for folder in ["new", "cur"] {
            let path = maildir + "/" + folder
            for name in try FileManager.default.contentsOfDirectory(atPath: path) where !name.hasPrefix(".") {
                let text = try String(contentsOfFile: path + "/" + name, encoding: .utf8)
                let line = text.split(whereSeparator: \.isNewline).first { $0.lowercased().hasPrefix("message-id:") }
                found.append(String(try #require(line, "\(name) has no Message-ID").dropFirst("Message-ID:".count)).trimmingCharacters(in: .whitespaces))
            }
        }
        return found.sorted()
    }

    func mode(_ path: String) throws -> Int {
        try #require((FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue) & 0o777
    }

    @Test func mirrorsTwentyThenOnlyTheFiveNewAndLeavesTheServerAsItWas() throws {
        let server = try IMAPDovecotHarness.start()
        defer { server.destroy() }
        let first = try server.deliver(20)
        let before = try server.state()
        let mirror = try mirror(server)

        let initial = try mirror.run(timeout: Self.timeout)
        #expect(initial == IMAPMirrorResult(messagesInMirror: 20, newMessages: 20))
        #expect(try messageIDs(in: mirror.maildir) == first.map(\.messageId).sorted())
        #expect(try server.state() == before)

        let more = try server.deliver(5)
        let beforeSecond = try server.state()
        let second = try mirror.run(timeout: Self.timeout)
        #expect(second == IMAPMirrorResult(messagesInMirror: 25, newMessages: 5))
        #expect(try messageIDs(in: mirror.maildir) == (first + more).map(\.messageId).sorted())

        // Same UIDVALIDITY, UIDs and flags: nothing marked \Seen, nothing deleted.
        let after = try server.state()
        #expect(after == beforeSecond)
        #expect(after.messages.count == 25)
        #expect(after.messages.allSatisfy { $0.flags.isEmpty })
    }

    @Test func theStagingFolderIsPrivateAndTheConfigHoldsNoPassword() throws {
        let server = try IMAPDovecotHarness.start()
        defer { server.destroy() }
        _ = try server.deliver(1)
        let mirror = try mirror(server)
        _ = try mirror.run(timeout: Self.timeout)
        #expect(try mode(mirror.staging) == 0o700)
        #expect(try mode(mirror.staging + "/mbsync.conf") == 0o600)
        let config = try String(contentsOfFile: mirror.staging + "/mbsync.conf", encoding: .utf8)
        let password = try String(contentsOfFile: server.info.passwordFile, encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(!config.contains(password))
        #expect(config.contains("Sync PullNew"))
    }

    @Test func pathsWithSpacesAndQuotesWork() throws {
        let server = try IMAPDovecotHarness.start()
        defer { server.destroy() }
        let delivered = try server.deliver(2)
        let odd = server.folder.path + "/salasanat \"Maija\" ja 'Matti' $HOME"
        try FileManager.default.createDirectory(atPath: odd, withIntermediateDirectories: true)
        let passwordFile = odd + "/sala sana's \"file\""
        try FileManager.default.copyItem(atPath: server.info.passwordFile, toPath: passwordFile)
        let caFile = odd + "/ca \"file\".pem"
        try FileManager.default.copyItem(atPath: server.info.caFile, toPath: caFile)
        let mirror = try mirror(server, password: .file(passwordFile), caFile: caFile, staging: odd + "/staging \\ 'x'")
        #expect(try mirror.run(timeout: Self.timeout).messagesInMirror == 2)
        #expect(try messageIDs(in: mirror.maildir) == delivered.map(\.messageId).sorted())
    }

    @Test func readsThePasswordFromAnEnvironmentVariable() throws {
        let server = try IMAPDovecotHarness.start()
        defer { server.destroy() }
        _ = try server.deliver(3)
        let password = try String(contentsOfFile: server.info.passwordFile, encoding: .utf8).trimmingCharacters(in: .newlines)
        var environment = ProcessInfo.processInfo.environment
        environment["ARKISTO_TEST_IMAP_PASSWORD"] = password
        let mirror = try mirror(server, password: .environment("ARKISTO_TEST_IMAP_PASSWORD"), environment: environment)
        #expect(try mirror.run(timeout: Self.timeout).messagesInMirror == 3)

        environment["ARKISTO_TEST_IMAP_PASSWORD"] = nil
        let unset = try self.mirror(server, password: .environment("ARKISTO_TEST_IMAP_PASSWORD"), environment: environment)
        #expect(throws: IMAPMirrorError.invalidSettings(.passwordUnreadable(
            "environment variable ARKISTO_TEST_IMAP_PASSWORD", reason: "not set in the environment of this process"))) {
            try unset.run(timeout: Self.timeout)
        }
    }

    @Test func keepsMessagesExpungedOnTheServer() throws {
        let server = try IMAPDovecotHarness.start()
        defer { server.destroy() }
        let delivered = try server.deliver(3)
        let mirror = try mirror(server)
        _ = try mirror.run(timeout: Self.timeout)
        try server.expunge(uid: try #require(delivered[1].uid))
        let later = try server.deliver(1)
        let result = try mirror.run(timeout: Self.timeout)
        #expect(result == IMAPMirrorResult(messagesInMirror: 4, newMessages: 1))
        #expect(try messageIDs(in: mirror.maildir) == (delivered + later).map(\.messageId).sorted())
        #expect(try server.state().messages.count == 3)
    }

    @Test func aWrongPasswordIsAnAuthenticationError() throws {
        let server = try IMAPDovecotHarness.start()
        defer { server.destroy() }
        let wrongPassword = try String(contentsOfFile: server.info.wrongPasswordFile, encoding: .utf8).trimmingCharacters(in: .newlines)
        let error = try #require(failure(of: try mirror(server, password: .file(server.info.wrongPasswordFile))))
        guard case .authenticationFailed(let url, let user, _) = error else {
            Issue.record("expected an authentication error, got \(error)")
            return
        }
        #expect(url == server.info.url)
        #expect(user == server.info.user)
        #expect(!error.description.contains(wrongPassword))
        #expect(!error.isTransient)
    }

    @Test func aCertificateWithoutItsCAIsNotTrusted() throws {
        let server = try IMAPDovecotHarness.start()
        defer { server.destroy() }
        let error = try #require(failure(of: try mirror(server, caFile: .some(nil))))
        guard case .certificateNotTrusted(let url, _) = error else {
            Issue.record("expected a certificate error, got \(error)")
            return
        }
        #expect(url == server.info.url)
    }

    @Test func aStoppedServerCannotBeConnectedTo() throws {
        let server = try IMAPDovecotHarness.start()
        defer { server.destroy() }
        try server.stop()
        let error = try #require(failure(of: try mirror(server)))
        guard case .cannotConnect = error else {
            Issue.record("expected a connection error, got \(error)")
            return
        }
        #expect(error.isTransient)
    }

    @Test func aPasswordFileOthersCanReadIsRefusedBeforeMbsyncRuns() throws {
        let server = try IMAPDovecotHarness.start()
        defer { server.destroy() }
        let open = server.folder.path + "/open-password"
        try FileManager.default.copyItem(atPath: server.info.passwordFile, toPath: open)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: open)
        let mirror = try mirror(server, password: .file(open))
        #expect(throws: IMAPMirrorError.invalidSettings(.passwordFileTooOpen(path: open, mode: 0o644))) {
            try mirror.check()
        }
        #expect(throws: IMAPMirrorError.invalidSettings(.passwordFileTooOpen(path: open, mode: 0o644))) {
            try mirror.run(timeout: Self.timeout)
        }
        #expect(!FileManager.default.fileExists(atPath: mirror.staging))
    }

    @Test func aMissingMbsyncIsNamed() throws {
        let server = try IMAPDovecotHarness.start()
        defer { server.destroy() }
        let mirror = try mirror(server, mbsync: "/nonexistent/mbsync")
        #expect(throws: IMAPMirrorError.mbsyncNotInstalled(searched: ["/nonexistent/mbsync"])) {
            try mirror.run(timeout: Self.timeout)
        }
    }

    @Test func aSyncKilledPartWayResumesWithoutDuplicates() throws {
        let server = try IMAPDovecotHarness.start()
        defer { server.destroy() }
        // Large enough (30 MB) that the sync lasts well past the fifth message on a busy machine:
        // with small messages mbsync sometimes finished before the killer saw the fifth.
        let delivered = try server.deliver(150, sizeKB: 200)
        let before = try server.state()
        let mirror = try mirror(server)
        let killer = try server.killClient(matching: mirror.staging + "/mbsync.conf", whenMaildir: mirror.maildir, holds: 5)
        let killed = try #require(failure(of: mirror))
        killer.waitUntilExit()
        #expect(killed.description.contains("signal 9"))
        let partial = try messageIDs(in: mirror.maildir)
        #expect(partial.count < delivered.count, "mbsync ended before it could be killed part-way")

        let resumed = try mirror.run(timeout: Self.timeout)
        #expect(resumed.messagesInMirror == delivered.count)
        #expect(try messageIDs(in: mirror.maildir) == delivered.map(\.messageId).sorted())
        #expect(try server.state() == before)
    }

    @Test func aServerStoppedDuringTheSyncIsResumedWithoutDuplicates() throws {
        let server = try IMAPDovecotHarness.start()
        defer { server.destroy() }
        let delivered = try server.deliver(40, sizeKB: 300)
        let before = try server.state()
        let mirror = try mirror(server)
        let stopper = try server.stopServer(whenMaildir: mirror.maildir, holds: 1)
        // The stop may come after mbsync has read everything (it buffers up to 10 MB): then the
        // run succeeds; otherwise the connection was lost.
        if let error = failure(of: mirror) {
            guard case .connectionLost = error else {
                Issue.record("expected the connection to be lost, got \(error)")
                return
            }
        }
        stopper.waitUntilExit()
        try server.restart()
        let resumed = try mirror.run(timeout: Self.timeout)
        #expect(resumed.messagesInMirror == delivered.count)
        #expect(try messageIDs(in: mirror.maildir) == delivered.map(\.messageId).sorted())
        #expect(try server.state() == before)
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        let silent = try SilentListener()
        defer { silent.close() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-imap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let passwordFile = folder.path + "/password"
        _ = FileManager.default.createFile(atPath: passwordFile, contents: Data("salasana\n".utf8), attributes: [.posixPermissions: 0o600])
        let settings = IMAPSettings(
            server: IMAPServer(host: "localhost", port: silent.port), user: "asiakaspalvelu", password: .file(passwordFile))
        let mirror = MbsyncMirror(settings: settings, staging: folder.path + "/staging")
        let error = try #require(failure(of: mirror, timeout: .seconds(2)))
        guard case .timedOut(let url, let after, _) = error else {
            Issue.record("expected a time-out, got \(error)")
            return
        }
        #expect(url == settings.server.url)
        #expect(after == .seconds(2))
    }
}
