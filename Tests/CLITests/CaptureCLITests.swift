import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `sync` and `watch` as an operator runs them, beyond SourcesCLITests: a second sync changes
/// nothing, and a watch started while another captures waits for it. Subprocesses of the real
/// executable on a Maildir the test fills as an MDA does (the whole file in tmp/, then a rename
/// into new/). Delivery-to-searchable delays are measured by tools/capture, not here.
struct CaptureCLITests {
    let arkisto: ArkistoProcess

    init() throws {
        arkisto = try ArkistoProcess()
    }

    @Test func aSecondSyncOverTheSameMaildirChangesNothing() throws {
        let scratch = try ScratchFolder()
        let archive = scratch.path("archive.sqlite")
        let mailbox = try SampleMailbox(at: scratch.url.appendingPathComponent("mail"), threads: 12)
        let files = try ["cur", "new"].flatMap {
            try FileManager.default.contentsOfDirectory(atPath: mailbox.maildir.appendingPathComponent($0).path)
        }
        try #require(arkisto.run(["sources", "add", "maildir", "inbox", mailbox.maildir.path, "--archive", archive], in: scratch.url).status == 0)

        let first = try sync(archive, in: scratch)
        #expect(first.map(\.source) == ["inbox"])
        #expect(first.first?.error == nil)
        // Every file is archived or quarantined (the empty one); a message found twice is one interaction.
        #expect((first.first.map { $0.archived + $0.alreadyPresent + $0.quarantined }) == files.count)
        #expect(first.first?.quarantined == 1)
        let before = try fingerprint(archive, in: scratch)

        let second = try sync(archive, in: scratch)
        #expect(second.first?.archived == 0)
        #expect(second.first?.error == nil)
        #expect(try fingerprint(archive, in: scratch) == before)
    }

    @Test func aSecondWatchStartedBesideTheFirstWaitsAndTakesOverWhenTheFirstIsKilled() async throws {
        let scratch = try ScratchFolder()
        let (archive, maildir) = try archiveWithAMaildir(in: scratch)
        let folder = scratch.url

        let first = try arkisto.start(["watch", "--archive", archive], in: folder)
        defer { stop(first, with: SIGKILL) }
        try await waitUntil("the first watch starts") { try standardError(of: first).contains("arkisto: watching") }
        try await deliverAndFind("bxnqtrvwzd", number: 1, into: maildir, archive: archive, folder: folder)

        let second = try arkisto.start(["watch", "--archive", archive], in: folder)
        defer { stop(second, with: SIGKILL) }
        try await waitUntil("the second watch says it waits") { try standardError(of: second).contains("waiting for it to finish") }
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()
        try await waitUntil("the second watch takes over") { try standardError(of: second).contains("arkisto: watching") }
        try await deliverAndFind("qzmvkdtrpl", number: 2, into: maildir, archive: archive, folder: folder)

        kill(second.process.processIdentifier, SIGTERM)
        second.process.waitUntilExit()
        #expect(second.result().status == 0)
        #expect(try found("bxnqtrvwzd", in: archive, folder) == 1, "the first message is archived once")
    }

    // MARK: Helpers

    struct SyncReport: Decodable {
        var source: String
        var archived: Int
        var alreadyPresent: Int
        var quarantined: Int
        var error: String?
    }

    /// A new archive in `scratch` whose one source, `inbox`, is an empty Maildir.
    func archiveWithAMaildir(in scratch: borrowing ScratchFolder) throws -> (archive: String, maildir: String) {
        let archive = scratch.path("archive.sqlite")
        let maildir = try emptyMaildir(in: scratch)
        let added = try arkisto.run(["sources", "add", "maildir", "inbox", maildir, "--archive", archive], in: scratch.url)
        try #require(added.status == 0, "\(added.standardError)")
        return (archive, maildir)
    }

    /// Delivers a message naming `word` and waits until `arkisto search` finds it.
    func deliverAndFind(_ word: String, number: Int, into maildir: String, archive: String, folder: URL) async throws {
        try deliver(message(word: word, number: number), as: "\(number).\(word)", into: maildir)
        try await waitUntil("the message naming \(word) is found") { try found(word, in: archive, folder) == 1 }
    }

    func emptyMaildir(in scratch: borrowing ScratchFolder) throws -> String {
        let maildir = scratch.url.appendingPathComponent("Maildir")
        for sub in ["tmp", "new", "cur"] {
            try FileManager.default.createDirectory(at: maildir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        return maildir.path
    }

    func sync(_ archive: String, in scratch: borrowing ScratchFolder) throws -> [SyncReport] {
        let result = try arkisto.run(["sync", "--json", "--archive", archive], in: scratch.url)
        try #require(result.status == 0, "\(result.standardError)")
        return try JSONDecoder().decode([SyncReport].self, from: Data(result.standardOutput.utf8))
    }

    func fingerprint(_ archive: String, in scratch: borrowing ScratchFolder) throws -> Fingerprint {
        let result = try arkisto.run(["import", "fingerprint", "--archive", archive], in: scratch.url)
        try #require(result.status == 0, "\(result.standardError)")
        return try JSONDecoder().decode(Fingerprint.self, from: Data(result.standardOutput.utf8))
    }

    /// How many interactions `arkisto search` finds for `word`.
    func found(_ word: String, in archive: String, _ folder: URL) throws -> Int {
        let result = try arkisto.run(["search", "--json", "--archive", archive, word], in: folder)
        try #require(result.status == 0, "\(result.standardError)")
        let answer = try JSONDecoder().decode(SearchAnswer.self, from: Data(result.standardOutput.utf8))
        return answer.total
    }

    struct SearchAnswer: Decodable {
        var total: Int
    }

    func standardError(of running: ArkistoProcess.Running) throws -> String {
        try String(contentsOf: running.errURL, encoding: .utf8)
    }

    /// Polls `condition` until it holds; gives up (failing the test) after a minute, a bound that
    /// only ends a test that would otherwise hang.
    /// Sleeps in a task, holding no thread of the shared test pool.
    func waitUntil(_ what: String, _ condition: () throws -> Bool) async throws {
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while try !condition() {
            try #require(ContinuousClock.now < deadline, "gave up waiting until \(what)")
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    func stop(_ running: ArkistoProcess.Running, with signal: Int32) {
        if running.process.isRunning {
            kill(running.process.processIdentifier, signal)
            running.process.waitUntilExit()
        }
    }

    /// Writes the message whole into tmp/ and renames it into new/, as an MDA delivers.
    func deliver(_ message: String, as name: String, into maildir: String) throws {
        let staged = URL(fileURLWithPath: maildir).appendingPathComponent("tmp").appendingPathComponent(name)
        try Data(message.utf8).write(to: staged)
        try FileManager.default.moveItem(
            at: staged, to: URL(fileURLWithPath: maildir).appendingPathComponent("new").appendingPathComponent(name))
    }

    func message(word: String, number: Int) -> String {
        """
        From: Asiakas \(number) <asiakas\(number)@example.fi>\r
        To: Asiakaspalvelu <asiakaspalvelu@esimerkkiverkko.fi>\r
        Subject: Tilaus \(word)\r
        Date: 0\(number) Sep 2025 10:00:00 +0300\r
        Message-ID: <capture-cli-\(number)-\(word)@example.fi>\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        Hei, milloin tilaukseni \(word) toimitetaan?\r

        """
    }
}
