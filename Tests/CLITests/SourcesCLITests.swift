import Foundation
import Testing

/// `arkisto sources`, `sync` and `watch` as a user runs them.
@Suite struct SourcesCLITests {
    private func deliver(_ id: String, subject: String, into maildir: String) throws {
        let message = "From: asiakas@example.fi\r\nSubject: \(subject)\r\nMessage-ID: <\(id)@example.fi>\r\n\r\nHei.\r\n"
        try Data(message.utf8).write(to: URL(fileURLWithPath: "\(maildir)/tmp/\(id)"))
        try FileManager.default.moveItem(atPath: "\(maildir)/tmp/\(id)", toPath: "\(maildir)/new/\(id)")
    }

    @Test func aMaildirSourceIsAddedListedSyncedAndReported() throws {
        let arkisto = try ArkistoProcess()
        let scratch = try ScratchFolder()
        let maildir = scratch.path("Maildir")
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: "\(maildir)/\(sub)", withIntermediateDirectories: true)
        }
        try deliver("a1", subject: "Laskutus", into: maildir)
        try deliver("a2", subject: "Vikailmoitus", into: maildir)

        let added = try arkisto.run(["sources", "add", "maildir", "posti", "Maildir", "--archive", "a.sqlite"], in: scratch.url)
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.contains(maildir))
        let again = try arkisto.run(["sources", "add", "maildir", "posti", "Maildir", "--archive", "a.sqlite"], in: scratch.url)
        #expect(again.status != 0)
        #expect(again.standardError.contains("exists already"))
        let missing = try arkisto.run(["sources", "add", "maildir", "muu", "Nowhere", "--archive", "a.sqlite"], in: scratch.url)
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("Nowhere"))

        let listed = try arkisto.run(["sources", "list", "--archive", "a.sqlite"], in: scratch.url)
        #expect(listed.standardOutput == "posti\tmaildir\t\(maildir)\n")

        let sync = try arkisto.run(["sync", "--json", "--archive", "a.sqlite"], in: scratch.url)
        #expect(sync.status == 0, "\(sync.standardError)")
        let reports = try JSONSerialization.jsonObject(with: Data(sync.standardOutput.utf8)) as? [[String: Any]]
        #expect(reports?.first?["source"] as? String == "posti")
        #expect(reports?.first?["archived"] as? Int == 2)

        try deliver("a3", subject: "Liittymä", into: maildir)
        let second = try arkisto.run(["sync", "--archive", "a.sqlite"], in: scratch.url)
        #expect(second.standardOutput.hasPrefix("posti: 1 archived"))

        let status = try arkisto.run(["sources", "status", "--json", "--archive", "a.sqlite"], in: scratch.url)
        let statuses = try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8)) as? [[String: Any]]
        #expect(statuses?.first?["archived"] as? Int == 3)
        #expect(statuses?.first?["failures"] as? Int == 0)
        #expect(statuses?.first?["lastSuccessAt"] is String)

        let removed = try arkisto.run(["sources", "remove", "posti", "--archive", "a.sqlite"], in: scratch.url)
        #expect(removed.status == 0)
        let search = try arkisto.run(["search", "Liittymä", "--archive", "a.sqlite"], in: scratch.url)
        #expect(search.standardOutput.contains("Liittymä"), "what a removed source archived stays")
        // Piped output marks the matched words with asterisks (not escaped control characters).
        let snippet = try arkisto.run(["search", "hei", "--archive", "a.sqlite"], in: scratch.url)
        #expect(snippet.standardOutput.contains("   *Hei*."), "\(snippet.standardOutput)")
    }

    @Test func watchCapturesUntilSIGTERMAndASecondWatchTakesOverAfterSIGKILL() async throws {
        let arkisto = try ArkistoProcess()
        let scratch = try ScratchFolder()
        let maildir = scratch.path("Maildir")
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: "\(maildir)/\(sub)", withIntermediateDirectories: true)
        }
        _ = try arkisto.run(["sources", "add", "maildir", "posti", "Maildir", "--archive", "a.sqlite"], in: scratch.url)

        func archived(_ id: String) throws -> Bool {
            let search = try arkisto.run(["search", "Viesti\(id)", "--archive", "a.sqlite"], in: scratch.url)
            return search.standardOutput.contains("Viesti\(id)")
        }
        func waitUntilArchived(_ id: String) async throws -> Bool {
            // A bound on waiting, not on speed (2 cores shared with the rest of the suite).
            let deadline = ContinuousClock.now.advanced(by: .seconds(120))
            while ContinuousClock.now < deadline {
                if try archived(id) { return true }
                try await Task.sleep(for: .milliseconds(200))
            }
            return false
        }

        let first = try arkisto.start(["watch", "--archive", "a.sqlite"], in: scratch.url)
        try deliver("w1", subject: "Viestiw1", into: maildir)
        #expect(try await waitUntilArchived("w1"))
        // A cron job's sync beside the running watch: refused at once rather than queued.
        let beside = try arkisto.run(["sync", "--no-wait", "--archive", "a.sqlite"], in: scratch.url)
        #expect(beside.status == 75, "\(beside.standardError)")
        #expect(beside.standardError.contains("another sync, watch or serve is capturing"))
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()

        try deliver("w2", subject: "Viestiw2", into: maildir)
        let second = try arkisto.start(["watch", "--archive", "a.sqlite"], in: scratch.url)
        #expect(try await waitUntilArchived("w2"))
        kill(second.process.processIdentifier, SIGTERM)
        second.process.waitUntilExit()
        let result = second.result()
        #expect(result.status == 0 && !result.killed, "\(result.standardError)")
        #expect(result.standardError.contains("arkisto: stopped"))
    }
}
