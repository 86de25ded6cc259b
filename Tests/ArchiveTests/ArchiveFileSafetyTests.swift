@testable import Archive
import Foundation
import GRDB
import Testing

/// Opening, creating and locking archives: permissions, concurrent creation, audit writes while
/// another process holds the archive's write lock, and archives from before the audit database.
@Suite struct ArchiveFileSafetyTests {
    func mode(_ path: String) -> mode_t? { SecureFiles.permissions(of: path) }

    @Test func aNewArchiveItsCompanionsAndKeysAreReadableByTheOwnerOnly() throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        try archive.store.appendAudit(AuditEntry(at: Date(), actor: "a", action: .search, customers: [], request: "q", resultCount: 0))
        let files = archive.store.files
        for path in ArchiveFiles.withSQLiteCompanions(files.archive) + ArchiveFiles.withSQLiteCompanions(files.auditDatabase)
            + [files.auditKey]
        {
            #expect(mode(path) == 0o600, "\(path) is \(mode(path).map { String($0, radix: 8) } ?? "missing")")
        }
        #expect(ArchivePermissions.exposed(files).isEmpty)
    }

    @Test func exposedFilesAreFoundAndFixed() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let files = archive.store.files
        chmod(files.archive, 0o644)
        chmod(files.auditKey, 0o640)
        let exposed = ArchivePermissions.exposed(files)
        #expect(Set(exposed.map(\.path)) == [files.archive, files.auditKey])
        #expect(exposed.first?.description.contains("arkisto doctor --fix") == true)
        try ArchivePermissions.fix(exposed)
        #expect(mode(files.archive) == 0o600)
        #expect(mode(files.auditKey) == 0o600)
        #expect(ArchivePermissions.exposed(files).isEmpty)
    }

    /// The failure of issue 17: with an import holding the archive's write lock, a search's audit
    /// entry waited for it and failed with `database is locked`. Now it goes to the audit database.
    @Test func auditEntriesAreWrittenWhileAnotherConnectionHoldsTheArchiveWriteLock() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let importer = try DatabaseQueue(path: archive.store.path)
        try importer.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "INSERT INTO import_run (source_kind, arguments, started_at) VALUES ('mail', '[]', 'now')")
            for index in 0..<5 {
                try archive.store.appendAudit(AuditEntry(
                    at: Date(), actor: "agent", action: .search, customers: [], request: "lasku \(index)", resultCount: 0))
            }
            // Readers see the last committed state meanwhile.
            #expect(try archive.store.auditEntries().count == 5)
            try db.execute(sql: "COMMIT")
        }
        #expect(try archive.store.verifyAudit().isIntact)
    }

    /// A backup is taken while another connection (an import) holds the write lock, and holds
    /// what was committed, not what was being written.
    @Test func aBackupIsTakenWhileAnImportHoldsTheWriteLock() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let importer = try DatabaseQueue(path: archive.store.path)
        try importer.write { db in
            try db.execute(sql: "INSERT INTO import_run (source_kind, arguments, started_at) VALUES ('mail', '[]', 'committed')")
        }
        let folder = archive.folder.appendingPathComponent("backup").path
        try importer.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "INSERT INTO import_run (source_kind, arguments, started_at) VALUES ('mail', '[]', 'uncommitted')")
            _ = try archive.store.backup(to: folder)
            try db.execute(sql: "COMMIT")
        }
        _ = try ArchiveBackup.verify(folder)
        let copy = try DatabaseQueue(path: folder + "/" + BackupManifest.Name.archive)
        #expect(try copy.read { db in try String.fetchAll(db, sql: "SELECT started_at FROM import_run") } == ["committed"])
    }

    @Test func threadsCreatingTheSameArchiveAllSucceedAndTheSchemaIsCreatedOnce() async throws {
        for round in 0..<3 {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-race-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("new.sqlite").path
            let failures = await withTaskGroup(of: String?.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        do {
                            let store = try ArchiveStore(path: path)
                            try store.appendAudit(AuditEntry(at: Date(), actor: "t", action: .search, customers: [], request: "x", resultCount: 0))
                            return nil
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                var failures: [String] = []
                for await failure in group { if let failure { failures.append(failure) } }
                return failures
            }
            #expect(failures.isEmpty, "round \(round): \(failures)")
            let store = try ArchiveStore(path: path)
            #expect(try store.auditEntries().count == 6)
            #expect(try store.verifyAudit().isIntact)
        }
    }

    /// An archive made before the audit log had its own database: its rows move into the chain
    /// once, in order, and the old table goes.
    @Test func anOlderArchivesAuditRowsMoveIntoTheChain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-legacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator(tokenizer: .unicode61).migrate(queue, upTo: "v4: removed content stays removed")
            try queue.write { db in
                for (index, actor) in ["anna", "pekka", "liisa"].enumerated() {
                    try db.execute(
                        sql: "INSERT INTO audit_log (at, actor, action, customers, request, result_count) VALUES (?, ?, 'search', '[\"C1\"]', ?, ?)",
                        arguments: ["2025-01-0\(index + 1)T10:00:00Z", actor, "lasku \(index)", index])
                }
            }
        }
        let store = try ArchiveStore(path: path, tokenizer: .unicode61)
        #expect(try store.auditEntries().map(\.actor) == ["anna", "pekka", "liisa"])
        #expect(try store.auditEntries(customer: "C1").map(\.request) == ["lasku 0", "lasku 1", "lasku 2"])
        #expect(try store.verifyAudit().isIntact)
        #expect(try store.read { db in try db.tableExists("audit_log") } == false)
        let reopened = try ArchiveStore(path: path)
        #expect(try reopened.auditEntries().count == 3)
    }

    @Test func aBusyArchiveIsExplainedNotReportedAsDatabaseIsLocked() {
        let error = ArchiveError(path: "/srv/a.sqlite", underlying: DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked"))
        #expect(error.isBusy)
        #expect(!error.description.contains("database is locked"))
        #expect(error.description.contains("/srv/a.sqlite"))
        #expect(error.description.contains("try again"))
    }
}
