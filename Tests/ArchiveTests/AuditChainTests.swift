@testable import Archive
import Foundation
import GRDB
import Testing

/// The audit chain against the tampering an administrator with `sqlite3` could do.
@Suite struct AuditChainTests {
    /// A deterministic pseudo-random number for trial `trial` (its `salt`-th draw), from SHA-256,
    /// so a failing trial can be replayed.
    func draw(_ trial: Int, _ salt: UInt8, below bound: Int) -> Int {
        let bytes = ContentDigest(of: Array("audit-trial-\(trial)".utf8) + [salt]).bytes
        return (Int(bytes[0]) << 8 | Int(bytes[1])) % bound
    }

    enum Tampering: CaseIterable {
        case edit, delete, truncate, swap
    }

    static let entryCount = 20

    /// An archive with `entryCount` varied entries.
    func archiveWithEntries() throws -> TemporaryArchive {
        let archive = try TemporaryArchive()
        let actions: [AuditAction] = [.search, .customerView, .erasure, .holdAdd, .interactionView]
        for index in 0..<Self.entryCount {
            try archive.store.appendAudit(AuditEntry(
                at: Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 60), actor: index % 3 == 0 ? "anna" : "pekka",
                action: actions[index % actions.count], customers: index % 2 == 0 ? ["C\(index)"] : [],
                request: "lasku \(index)", resultCount: index % 4 == 0 ? nil : index))
        }
        return archive
    }

    /// Runs SQL on a file with the sqlite3 command-line shell, as an administrator would.
    func sqlite3(_ path: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "sqlite3 failed on: \(sql)")
    }

    @Test func anUntouchedChainVerifiesAndNamesItsHead() throws {
        let archive = try archiveWithEntries()
        defer { archive.remove() }
        let outcome = try archive.store.verifyAudit()
        #expect(outcome.isIntact)
        #expect(outcome.entries == Self.entryCount)
        let head = try #require(outcome.head)
        #expect(head.id == Int64(Self.entryCount))
        #expect(AuditHead(head.description) == head)
        #expect(try archive.store.verifyAudit(expecting: head).isIntact)
    }

    /// 50 random single edits, deletions, truncations and swaps of rows, each made with `sqlite3`
    /// on a copy of the audit database: every one is detected, at the entry it touched.
    @Test func fiftyRandomTamperingsAreAllDetectedWhereTheyWereMade() throws {
        let archive = try archiveWithEntries()
        defer { archive.remove() }
        // Each changes the row whatever it held.
        let columns = ["at = replace(at, 'Z', '.5Z')", "actor = actor || 'x'", "action = action || 'x'",
                       "customers = customers || ' '", "request = request || ' '", "result_count = ifnull(result_count, 0) + 1",
                       "mac = zeroblob(32)"]
        var detected = 0
        for trial in 0..<50 {
            let copy = archive.folder.appendingPathComponent("trial-\(trial).audit").path
            try SecureFiles.createEmptyFile(at: copy)
            try archive.store.auditLog.snapshot(to: copy)
            let target = Int64(1 + draw(trial, 0, below: Self.entryCount - 1))
            let kind = Tampering.allCases[trial % Tampering.allCases.count]
            let drop = "DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete;"
            let expectedID: Int64
            switch kind {
            case .edit:
                let column = columns[draw(trial, 1, below: columns.count)]
                try sqlite3(copy, drop + "UPDATE audit_entry SET \(column) WHERE id = \(target);")
                expectedID = target
            case .delete:
                try sqlite3(copy, drop + "DELETE FROM audit_entry WHERE id = \(target);")
                expectedID = target
            case .truncate:
                try sqlite3(copy, drop + "DELETE FROM audit_entry WHERE id > \(target);")
                expectedID = target + 1
            case .swap:
                // Two rows exchange everything but their ids.
                let other = target + 1
                try sqlite3(copy, drop + """
                    CREATE TEMP TABLE t AS SELECT * FROM audit_entry WHERE id IN (\(target), \(other));
                    UPDATE audit_entry SET (at, actor, action, customers, request, result_count, mac) =
                        (SELECT at, actor, action, customers, request, result_count, mac FROM t
                         WHERE t.id = CASE audit_entry.id WHEN \(target) THEN \(other) ELSE \(target) END)
                    WHERE id IN (\(target), \(other));
                    """)
                expectedID = target
            }
            let reopened = try AuditDatabase(path: copy, keyPath: archive.store.files.auditKey)
            let outcome = try reopened.verify(expecting: nil)
            if !outcome.isIntact, outcome.problems.first?.entryID == expectedID { detected += 1 }
            #expect(!outcome.isIntact, "trial \(trial): \(kind) at \(target) went unnoticed")
            #expect(outcome.problems.first?.entryID == expectedID, "trial \(trial): \(kind) at \(target): \(outcome.problems)")
        }
        #expect(detected == 50)
    }

    @Test func aWipedLogIsCaughtByTheRecordedHead() throws {
        let archive = try archiveWithEntries()
        defer { archive.remove() }
        let head = try #require(try archive.store.verifyAudit().head)
        let path = archive.store.files.auditDatabase
        try sqlite3(path, "DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry; DELETE FROM audit_head;")
        // With the head row gone too, the file alone looks like a new log…
        #expect(try archive.store.verifyAudit().isIntact)
        // …but not against the head the operator recorded.
        let outcome = try archive.store.verifyAudit(expecting: head)
        #expect(!outcome.isIntact)
        #expect(outcome.problems.first?.entryID == head.id)
    }

    @Test func aForgedEntryWithoutTheKeyIsCaught() throws {
        let archive = try archiveWithEntries()
        defer { archive.remove() }
        // A second audit key, as a forger without the real one would have to use.
        let forgery = archive.folder.appendingPathComponent("forged.key").path
        _ = try KeyFile.loadOrCreate(at: forgery, byteCount: 32)
        let forged = try AuditDatabase(path: archive.store.files.auditDatabase, keyPath: forgery)
        try forged.append([AuditEntry(at: Date(), actor: "forger", action: .search, customers: [], request: "x", resultCount: 0)])
        let outcome = try archive.store.verifyAudit()
        #expect(outcome.problems.map(\.entryID).contains(Int64(Self.entryCount + 1)))
    }

    @Test func theLogCannotBeChangedOrDeletedThroughSQLite() throws {
        let archive = try archiveWithEntries()
        defer { archive.remove() }
        let queue = try DatabaseQueue(path: archive.store.files.auditDatabase)
        #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: "UPDATE audit_entry SET actor = 'x'") } }
        #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: "DELETE FROM audit_entry") } }
        #expect(try archive.store.auditEntries().count == Self.entryCount)
    }

    @Test func anExistingLogWithoutItsKeyRefusesToOpenAndSaysWhy() throws {
        let archive = try archiveWithEntries()
        defer { archive.remove() }
        try FileManager.default.removeItem(atPath: archive.store.files.auditKey)
        do {
            _ = try ArchiveStore(path: archive.store.path)
            Issue.record("opened without the audit key")
        } catch {
            #expect(error.description.contains("audit key"))
            #expect(error.description.contains(archive.store.files.auditKey))
        }
    }
}
