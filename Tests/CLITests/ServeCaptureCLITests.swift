import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `arkisto serve` capturing in the background, through the real executable: SIGTERM stops the
/// web app, lets the capture commit its batch in flight and exits 0, leaving an archive that a
/// later `sync` completes to exactly what one uninterrupted `sync` makes; `--no-capture` leaves
/// the capture lock to others.
@Suite struct ServeCaptureCLITests {
    let arkisto: ArkistoProcess

    init() throws {
        arkisto = try ArkistoProcess()
    }

    /// A Maildir of `count` small messages in `new/`.
    static func maildir(_ path: String, count: Int) throws {
        for folder in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: path + "/" + folder, withIntermediateDirectories: true)
        }
        for index in 0..<count {
            let text = """
                From: Asiakas \(index) <asiakas\(index)@posti.example>
                To: <asiakaspalvelu@operaattori.example>
                Subject: Kysymys laskusta \(index)
                Date: Mon, 3 Mar 2025 10:00:00 +0200
                Message-ID: <serve-\(index)@posti.example>

                Hei, laskussani numero \(index) on epäselvä rivi.

                """
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(path)/new/17410\(String(format: "%05d", index)).M\(index).serve-test"))
        }
    }

    /// Waits until the running process has written `text` to `file` (its standard error by
    /// default), or has ended; polls without holding a thread.
    func waitFor(_ text: String, from running: ArkistoProcess.Running, in file: URL? = nil) async throws -> Bool {
        let deadline = ContinuousClock.now.advanced(by: .seconds(120))
        while ContinuousClock.now < deadline {
            if ((try? String(contentsOf: file ?? running.errURL, encoding: .utf8)) ?? "").contains(text) { return true }
            if !running.process.isRunning { return false }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    func fingerprint(_ archive: String, in folder: URL) throws -> String {
        let result = try arkisto.run(["import", "fingerprint", "--archive", archive], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput
    }

    @Test func sigtermStopsTheWebAppAndTheCaptureAfterItsBatchAndExitsZero() async throws {
        let folder = try ScratchFolder()
        try Self.maildir(folder.path("Maildir"), count: 300)
        for archive in ["served.sqlite", "reference.sqlite"] {
            let added = try arkisto.run(["sources", "add", "maildir", "posti", folder.path("Maildir"), "--archive", folder.path(archive)], in: folder.url)
            #expect(added.status == 0, "\(added.standardError)")
        }

        let serving = try arkisto.start(
            ["serve", "--archive", folder.path("served.sqlite"), "--port", "0", "--users", folder.path("users.json")], in: folder.url)
        let capturing = try await waitFor("capturing the archive's sources", from: serving)
        // SIGTERM as the first batch starts: the batch is committed, then the process exits.
        kill(serving.process.processIdentifier, SIGTERM)
        serving.process.waitUntilExit()
        let served = serving.result()
        #expect(capturing, "\(served.standardError)")
        #expect(!served.killed)
        #expect(served.status == 0, "\(served.standardError)")
        #expect(served.standardOutput.hasPrefix("arkisto: listening on http://127.0.0.1:"))
        #expect(served.standardError.contains("capture stopped"))

        // What the batch did not reach, a sync completes: nothing lost, nothing twice.
        let completed = try arkisto.run(["sync", "--archive", folder.path("served.sqlite")], in: folder.url)
        #expect(completed.status == 0, "\(completed.standardError)")
        let reference = try arkisto.run(["sync", "--archive", folder.path("reference.sqlite")], in: folder.url)
        #expect(reference.standardOutput.contains("posti: 300 archived"), "\(reference.standardOutput)")
        #expect(try fingerprint(folder.path("served.sqlite"), in: folder.url) == fingerprint(folder.path("reference.sqlite"), in: folder.url))
    }

    @Test func aServerWithoutCaptureLeavesTheCaptureLockToSync() async throws {
        let folder = try ScratchFolder()
        try Self.maildir(folder.path("Maildir"), count: 3)
        let archive = folder.path("archive.sqlite")
        _ = try arkisto.run(["sources", "add", "maildir", "posti", folder.path("Maildir"), "--archive", archive], in: folder.url)

        let serving = try arkisto.start(
            ["serve", "--archive", archive, "--port", "0", "--users", folder.path("users.json"), "--no-capture"], in: folder.url)
        defer {
            kill(serving.process.processIdentifier, SIGTERM)
            serving.process.waitUntilExit()
        }
        #expect(try await waitFor("listening", from: serving, in: serving.outURL))
        // sync says so and waits when another process captures; here it runs at once.
        let sync = try arkisto.start(["sync", "--archive", archive], in: folder.url)
        let waited = try await waitFor("waiting for it to finish", from: sync)
        if waited { kill(sync.process.processIdentifier, SIGTERM) }
        sync.process.waitUntilExit()
        let synced = sync.result()
        #expect(!waited, "sync waited for serve --no-capture: \(synced.standardError)")
        #expect(synced.status == 0)
        #expect(synced.standardOutput.contains("posti: 3 archived"), "\(synced.standardOutput)")
    }

    @Test func aServerWaitingForAnotherCapturerServesAndStopsAtOnceOnSigterm() async throws {
        let folder = try ScratchFolder()
        try Self.maildir(folder.path("Maildir"), count: 3)
        let archive = folder.path("archive.sqlite")
        _ = try arkisto.run(["sources", "add", "maildir", "posti", folder.path("Maildir"), "--archive", archive], in: folder.url)
        let watching = try arkisto.start(["watch", "--archive", archive], in: folder.url)
        defer {
            kill(watching.process.processIdentifier, SIGTERM)
            watching.process.waitUntilExit()
        }
        #expect(try await waitFor("watching the sources", from: watching))

        let serving = try arkisto.start(["serve", "--archive", archive, "--port", "0", "--users", folder.path("users.json")], in: folder.url)
        let waited = try await waitFor("another sync, watch or serve is capturing", from: serving)
        kill(serving.process.processIdentifier, SIGTERM)
        serving.process.waitUntilExit()
        let served = serving.result()
        #expect(waited, "\(served.standardError)")
        #expect(served.status == 0 && !served.killed, "\(served.standardError)")
        #expect(served.standardOutput.hasPrefix("arkisto: listening on"))
        #expect(!served.standardError.contains("capturing the archive's sources"))
    }
}
