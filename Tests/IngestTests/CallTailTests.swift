import Archive
import Foundation
import Ingest
import Testing

/// `CallImporter.runTail`: a PBX's Master.csv read on from where the last run stopped, each batch
/// committed with its checkpoint.
@Suite final class CallTailTests {
    let fixtures: MailFixtures
    let store: ArchiveStore
    let importer: CallImporter
    let cdr: String
    let key = "calls:pbx"

    init() throws {
        fixtures = try MailFixtures()
        cdr = try fixtures.write("cdr/Master.csv", CallFixtures.rows(1...3)).path
        store = try ArchiveStore(path: fixtures.archivePath)
        importer = CallImporter(archive: store, personalIDKey: .testKey)
    }

    deinit { fixtures.remove() }

    func tail(_ maxRecords: Int? = nil) throws -> TailResult {
        try importer.runTail(path: cdr, checkpointKey: key, maxRecords: maxRecords)
    }

    func callCount() throws -> Int { try store.fingerprint().interactions }

    @Test func appendedRowsAreTheOnlyOnesReadNextTime() throws {
        let first = try tail()
        #expect(first.records == 3)
        #expect(first.tally.archived == 3)
        #expect(try store.checkpoint(of: key) != nil)

        try CallFixtures.append(CallFixtures.rows(4...5), to: cdr)
        let second = try tail()
        #expect(second.records == 2)
        #expect(second.tally.archived == 2)
        #expect(second.tally.alreadyPresent == 0)
        #expect(second.notes.isEmpty)

        let third = try tail()
        #expect(third.records == 0)
        #expect(try callCount() == 5)
    }

    @Test func aRowStillBeingWrittenIsNeitherQuarantinedNorLost() throws {
        let row = CallFixtures.row(4, recorded: false)
        try CallFixtures.append(String(row.prefix(50)), to: cdr)
        let first = try tail()
        #expect(first.records == 3)
        #expect(first.tally.quarantined == 0)

        try CallFixtures.append(String(row.dropFirst(50)), to: cdr)
        let second = try tail()
        #expect(second.records == 1)
        #expect(second.tally.archived == 1)
        #expect(try store.quarantineEntries().isEmpty)
    }

    @Test func aTruncatedFileIsReadFromItsStartWithoutDuplicates() throws {
        _ = try tail()
        // copytruncate: emptied in place, then the PBX writes on (one row again, one new).
        try Data((CallFixtures.row(3, recorded: false) + CallFixtures.row(6, recorded: false)).utf8)
            .write(to: URL(fileURLWithPath: cdr))
        let result = try tail()
        #expect(result.records == 2)
        #expect(result.tally.archived == 1)
        #expect(result.tally.alreadyPresent == 1)
        #expect(result.notes.count == 1)
        #expect(try callCount() == 4)
    }

    @Test func rowsWrittenToTheOldFileBeforeARotationAreNotLost() throws {
        _ = try tail()
        try CallFixtures.append(CallFixtures.rows(4...5), to: cdr)
        let rotated = fixtures.root.appendingPathComponent("cdr/Master.csv.1").path
        try FileManager.default.moveItem(atPath: cdr, toPath: rotated)
        try fixtures.write("cdr/Master.csv", CallFixtures.rows(6...6))

        let result = try tail()
        #expect(result.records == 3)
        #expect(result.tally.archived == 3)
        #expect(result.notes.first?.contains("Master.csv.1") == true)
        #expect(try callCount() == 6)

        // The next run reads only the new file, from where it stopped.
        try CallFixtures.append(CallFixtures.rows(7...7), to: cdr)
        let next = try tail()
        #expect(next.records == 1)
        #expect(next.notes.isEmpty)
    }

    @Test func aRecordLimitLeavesTheRestForTheNextRun() throws {
        let first = try tail(2)
        #expect(first.records == 2)
        #expect(first.reachedLimit)
        let second = try tail(2)
        #expect(second.records == 1)
        #expect(!second.reachedLimit)
        #expect(try callCount() == 3)
    }

    /// The checkpoint is written in the transaction of its batch: a batch that fails (the archive
    /// is full) leaves the old checkpoint, and the next run reads the same rows again.
    @Test func aFailedBatchLeavesTheOldCheckpoint() throws {
        _ = try tail()
        let saved = try #require(try store.checkpoint(of: key))
        let longName = String(repeating: "Pitkä Nimi ", count: 400)
        try CallFixtures.append((10...60).map { CallFixtures.row($0, recorded: false, callerName: longName) }.joined(), to: cdr)

        let size = try #require(try FileManager.default.attributesOfItem(atPath: fixtures.archivePath)[.size] as? Int64)
        // Room for the import run's row, not for the batch of 51 long rows.
        let full = try ArchiveStore(path: fixtures.archivePath, maxSizeBytes: size + 65_536)
        let limited = CallImporter(archive: full, personalIDKey: .testKey)
        let failure = #expect(throws: ImportError.self) {
            try limited.runTail(path: cdr, checkpointKey: key)
        }
        guard case .archive(let error) = failure else {
            Issue.record("expected the archive to be full, got \(String(describing: failure))")
            return
        }
        #expect(error.isDiskFull)
        #expect(try store.checkpoint(of: key) == saved)
        #expect(try callCount() == 3)

        let again = try tail()
        #expect(again.records == 51)
        #expect(again.tally.archived == 51)
        #expect(try callCount() == 54)
    }

    @Test func checkpointsAreRemovedWithTheirSource() throws {
        _ = try tail()
        // The file's position and the stamp of its (here missing) media folders.
        #expect(try store.removeCheckpoints(ofSourcesStartingWith: "calls:") == 2)
        #expect(try store.checkpoint(of: key) == nil)
        // Without its checkpoint the file is read from the start: nothing is archived twice.
        let again = try tail()
        #expect(again.records == 3)
        #expect(again.tally.alreadyPresent == 3)
    }
}
