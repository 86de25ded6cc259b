import Foundation
import Testing

/// `audit` (escaping, verify), `doctor`, `backup`/`restore` and concurrent creation, through the
/// real executable.
@Suite struct TrustCommandsCLITests {
    let arkisto: ArkistoProcess

    init() throws {
        arkisto = try ArkistoProcess()
    }

    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    /// A search text that tries to fake a line of the audit log and clear the reader's terminal.
    @Test func auditOutputShowsControlCharactersEscaped() throws {
        let folder = try ScratchFolder()
        let archive = folder.path("a.sqlite")
        let forged = "lasku\r\n2026-01-01T00:00:00Z  admin  erasure [A002]  erase\u{1B}[2J\u{9B}31m\u{202E}tekcit\t\u{7F}\u{2066}hyvitystä Åke"
        _ = try arkisto.run(["search", forged, "--archive", archive], in: folder.url)
        let result = try arkisto.run(["audit", "--archive", archive], in: folder.url)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)   // the entry, the count, the final empty string
        #expect(!lines.contains { $0.hasPrefix("2026-01-01") })
        for scalar in ["\u{1B}", "\r", "\u{9B}", "\u{202E}", "\t", "\u{7F}", "\u{2066}"] {
            #expect(!result.standardOutput.contains(scalar), "printed \(scalar.unicodeScalars.first!.value) raw")
        }
        // Escaped where it was, and Finnish letters and other printable text left as they are.
        #expect(result.standardOutput.contains(
            #"lasku\r\n2026-01-01T00:00:00Z  admin  erasure [A002]  erase\u{1B}[2J\u{9B}31m\u{202E}tekcit\t\u{7F}\u{2066}hyvitystä Åke"#))
    }

    /// An error message that quotes the query (or a file name) escapes it too; help is unchanged.
    @Test func errorMessagesEscapeTheTextTheyQuote() throws {
        let folder = try ScratchFolder()
        let failed = try arkisto.run(["search", "lasku\u{1B}[2J\r\nvale (", "--archive", folder.path("a.sqlite")], in: folder.url)
        #expect(failed.status != 0)
        #expect(!failed.standardError.contains("\u{1B}"))
        #expect(failed.standardError.contains(#"lasku\u{1B}[2J\r\nvale ("#))
        let help = try arkisto.run(["search", "--help"], in: folder.url)
        #expect(help.status == 0)
        #expect(help.standardOutput.hasPrefix("OVERVIEW: "))
    }

    @Test func auditVerifyPrintsTheHeadAndCatchesAnEditedEntry() throws {
        let folder = try ScratchFolder()
        let archive = folder.path("a.sqlite")
        for query in ["lasku", "hyvitys", "liittymä"] {
            _ = try arkisto.run(["search", query, "--archive", archive], in: folder.url)
        }
        let good = try arkisto.run(["audit", "verify", "--json", "--archive", archive], in: folder.url)
        #expect(good.status == 0, "\(good.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(good.standardOutput.utf8)) as? [String: Any])
        #expect(object["intact"] as? Bool == true)
        #expect(object["head_id"] as? Int == 3)
        let head = try #require(object["head"] as? String)
        #expect(try arkisto.run(["audit", "verify", "--expect-head", head, "--archive", archive], in: folder.url).status == 0)

        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [archive + ".audit", "DROP TRIGGER audit_entry_no_update; UPDATE audit_entry SET request = 'x' WHERE id = 2;"]
        try sqlite.run()
        sqlite.waitUntilExit()
        let bad = try arkisto.run(["audit", "verify", "--archive", archive], in: folder.url)
        #expect(bad.status == 1)
        #expect(bad.standardOutput.contains("entry 2 does not match"))
    }

    @Test func doctorFindsAndFixesFilesOthersCanRead() throws {
        let folder = try ScratchFolder()
        let archive = folder.path("a.sqlite")
        _ = try arkisto.run(["search", "lasku", "--archive", archive], in: folder.url)
        #expect(try mode(archive) == 0o600)
        #expect(try arkisto.run(["doctor", "--archive", archive], in: folder.url).status == 0)
        chmod(archive, 0o644)
        let warned = try arkisto.run(["search", "lasku", "--archive", archive], in: folder.url)
        #expect(warned.status == 0)
        #expect(warned.standardError.contains("warning: \(archive) has permissions 0644"))
        #expect(warned.standardError.contains("arkisto doctor --fix"))
        // An exposed key is refused outright, with the same advice.
        chmod(archive + ".auditkey", 0o644)
        let refused = try arkisto.run(["search", "lasku", "--archive", archive], in: folder.url)
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("arkisto doctor --fix"))
        let found = try arkisto.run(["doctor", "--archive", archive], in: folder.url)
        #expect(found.status == 1)
        #expect(found.standardOutput.contains(archive + ".auditkey"))
        #expect(try arkisto.run(["doctor", "--fix", "--archive", archive], in: folder.url).status == 0)
        #expect(try mode(archive) == 0o600)
        #expect(try mode(archive + ".auditkey") == 0o600)
        #expect(try arkisto.run(["doctor", "--archive", archive], in: folder.url).status == 0)
    }

    /// Back up, erase a customer, restore: the restored archive erases them again when it is opened.
    @Test func backupEraseRestoreKeepsTheCustomerErased() throws {
        let folder = try ScratchFolder()
        let archive = folder.path("a.sqlite")
        let register = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/register/customers.jsonl").path
        let imported = try arkisto.run(["import", "customers", "--quiet", register, "--archive", archive], in: folder.url)
        try #require(imported.status == 0, "\(imported.standardError)")
        let backup = folder.path("backup-1")
        let made = try arkisto.run(["backup", "--to", backup, "--archive", archive], in: folder.url)
        #expect(made.status == 0, "\(made.standardError)")
        #expect(try mode(backup) == 0o700)
        #expect(try arkisto.run(["backup", "verify", backup], in: folder.url).status == 0)
        let erased = try arkisto.run(["erase", "--customer", "A002", "--reason", "pyyntö", "--archive", archive], in: folder.url)
        try #require(erased.status == 0, "\(erased.standardError)")

        let restoredFolder = folder.path("restored")
        try FileManager.default.createDirectory(atPath: restoredFolder, withIntermediateDirectories: false)
        let restored = restoredFolder + "/a.sqlite"
        for key in [".auditkey", ".pidkey"] {
            try FileManager.default.copyItem(atPath: archive + key, toPath: restored + key)
        }
        let result = try arkisto.run(["restore", backup, "--archive", restored, "--journal", archive + ".erasures"], in: folder.url)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("re-applied 1 erasure journal entries (1 customers erased again)"))
        #expect(try mode(restored) == 0o600)
        let shown = try arkisto.run(["customer", "show", "A002", "--archive", restored], in: folder.url)
        #expect(shown.status != 0)
        #expect(try arkisto.run(["customer", "show", "A001", "--archive", restored], in: folder.url).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: backup + "/archive.sqlite"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: restored))
        for trace in ["Liisa Korhonen", "liisa.korhonen@example.com", "+358500000002", "AS-0000002"] {
            #expect(before.range(of: Data(trace.utf8)) != nil, "the backup lacks \(trace): the scan would prove nothing")
            #expect(bytes.range(of: Data(trace.utf8)) == nil, "the restored file still holds \(trace)")
        }
        #expect(try arkisto.run(["audit", "verify", "--archive", restored], in: folder.url).status == 0)
        // The backup and the restore are in the restored archive's audit log.
        let audit = try arkisto.run(["audit", "--archive", restored], in: folder.url).standardOutput
        #expect(audit.contains("backup --to \(backup)"))
        #expect(audit.contains("restore \(backup)"))
        let again = try arkisto.run(["restore", backup, "--archive", restored], in: folder.url)
        #expect(again.status != 0)
        #expect(again.standardError.contains("exists already"))
    }

    /// Issue 17: two imports or searches on an archive that does not exist yet failed in about 30 %
    /// of tries with `table import_run already exists`.
    @Test func processesCreatingTheSameArchiveAtOnceAllSucceed() throws {
        for round in 0..<4 {
            let folder = try ScratchFolder()
            let archive = folder.path("new.sqlite")
            let running = try (0..<4).map { index in
                try arkisto.start(["search", "lasku \(index)", "--archive", archive], in: folder.url)
            }
            for process in running {
                process.process.waitUntilExit()
                let result = process.result()
                #expect(result.status == 0, "round \(round): \(result.standardError)")
                #expect(!result.standardError.contains("already exists"))
                #expect(!result.standardError.contains("database is locked"))
            }
            let log = try arkisto.run(["audit", "--archive", archive], in: folder.url)
            #expect(log.standardOutput.hasSuffix("4 entries\n"), "round \(round): \(log.standardOutput)")
        }
    }
}
