import Archive
import Foundation
import Query
import Testing

/// Backups that keep erasures: back up, erase, restore → the customer stays erased and the
/// restored file holds no byte of them.
@Suite final class BackupRestoreTests {
    let fixture: PrivacyFixture
    let audit: AuditTrail

    init() throws {
        fixture = try PrivacyFixture()
        audit = AuditTrail(archive: fixture.store, actor: "tietosuoja")
    }

    deinit { fixture.remove() }

    var backupFolder: String { fixture.folder.appendingPathComponent("backup").path }

    func erase(_ who: String) throws {
        let service = ErasureService(archive: fixture.store, hasher: PrivacyFixture.hasher)
        let subject = try CustomerResolver(archive: fixture.store).single(who)
        let (plan, redactor) = try service.plan(
            subject: subject, reason: "asiakkaan pyyntö",
            audit: audit.entry(.erasure, customers: [subject.sourceID], request: "erase", results: nil))
        _ = try service.run(plan, redactor: redactor)
    }

    /// Restores into a new folder with the audit key (kept separately) and the live erasure journal.
    func restore() throws -> ArchiveStore {
        let folder = fixture.folder.appendingPathComponent("restored")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = ArchiveFiles(archive: folder.appendingPathComponent("archive.sqlite").path)
        try FileManager.default.copyItem(atPath: fixture.store.files.auditKey, toPath: target.auditKey)
        _ = try ArchiveBackup.restore(from: backupFolder, to: target.archive, mergingJournals: [fixture.store.files.erasureJournal])
        let restored = try ArchiveStore(path: target.archive)
        try ErasureJournalReplay(archive: restored, hasher: PrivacyFixture.hasher, audit: audit).applyPending()
        return restored
    }

    @Test func aBackupIsCompleteVerifiedAndReadableByTheOwnerOnly() throws {
        let manifest = try fixture.store.backup(to: backupFolder)
        #expect(Set(manifest.files.map(\.name)) == ["archive.sqlite", "audit.sqlite"])
        #expect(SecureFiles.permissions(of: backupFolder) == 0o700)
        for name in manifest.files.map(\.name) + ["manifest.json"] {
            #expect(SecureFiles.permissions(of: backupFolder + "/" + name) == 0o600, "\(name)")
        }
        #expect(try ArchiveBackup.verify(backupFolder) == manifest)
        #expect(throws: BackupError.self) { try self.fixture.store.backup(to: self.backupFolder) }
    }

    @Test func aChangedBackupFileIsNamedByVerify() throws {
        _ = try fixture.store.backup(to: backupFolder)
        let copy = backupFolder + "/archive.sqlite"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: copy))
        try handle.seek(toOffset: 5000)
        try handle.write(contentsOf: Data([0x55]))
        try handle.close()
        do {
            _ = try ArchiveBackup.verify(backupFolder)
            Issue.record("a changed copy verified")
        } catch {
            #expect(error.description.contains(copy))
        }
    }

    @Test func aCustomerErasedAfterTheBackupStaysErasedInTheRestoredArchive() throws {
        _ = try fixture.store.backup(to: backupFolder)
        try erase(PrivacyFixture.maija)
        let restored = try restore()
        #expect(try restored.pendingErasures().isEmpty)
        #expect(try restored.customerIDs(sourceID: PrivacyFixture.maija).isEmpty)
        #expect(try Search(archive: restored).run("Qwrtplkjhg", limit: nil).total == 0)
        #expect(try Search(archive: restored).run("Zyxwvutsalasana", limit: nil).total == 1)   // Outi's stays
        #expect(try restored.integrityProblems() == [])
        _ = restored.truncateWriteAheadLog()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: restored.path))
        for trace in ["Qwrtplkjhg", "qwrtplkjhg", "maija.virtanen@koti.fi", "131052-308T", "Maija Virtanen", "+358401234567",
                      "AS-1111111", "fake audio of Maija"] {
            #expect(bytes.range(of: Data(trace.utf8)) == nil, "the restored file still holds \(trace)")
        }
        // The journal names her only by keyed hashes.
        let journal = try Data(contentsOf: URL(fileURLWithPath: fixture.store.files.erasureJournal))
        for trace in ["maija", "Maija", "C1\"", "+358401234567", "AS-1111111"] {
            #expect(journal.range(of: Data(trace.utf8)) == nil, "the journal holds \(trace)")
        }
        // Opening again applies nothing twice.
        #expect(try ArchiveStore(path: restored.path).pendingErasures().isEmpty)
    }

    @Test func retentionAfterTheBackupIsReappliedToo() throws {
        _ = try fixture.store.backup(to: backupFolder)
        _ = try RetentionService(archive: fixture.store, audit: audit)
            .apply(olderThan: try #require(RetentionPeriod("1d")), kind: .ticket, dryRun: false)
        let restored = try restore()
        #expect(try restored.counts() == fixture.store.counts())
    }
}
