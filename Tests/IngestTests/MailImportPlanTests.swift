import Archive
import Foundation
@testable import Ingest
import MIME
import Testing

/// The mail import plan lists folders a chunk at a time and never the whole: every message file
/// still comes exactly once, and files archived before at the same path are left out.
@Suite struct MailImportPlanTests {
    /// A Maildir of 23 files in cur/ and 7 in new/, with a dot file and a file in tmp/ that are no
    /// messages.
    private func maildir(_ fixtures: MailFixtures) throws -> (root: URL, messages: [String: String]) {
        var cur: [String: String] = [:]
        var new: [String: String] = [:]
        for number in 0..<30 {
            let text = SampleMail.plain(id: "plan\(number)@example.fi", subject: "Viesti \(number)", body: "Lasku \(number).")
            if number < 23 { cur["17000000\(number).\(number).host:2,S"] = text } else { new["17000000\(number).\(number).host"] = text }
        }
        cur[".hidden"] = "not a message"
        let root = try fixtures.maildir("Maildir", cur: cur, new: new)
        try fixtures.write("Maildir/tmp/17000001.1.host", "still being delivered")
        var messages: [String: String] = [:]
        for (name, text) in cur where !name.hasPrefix(".") { messages[root.appendingPathComponent("cur/\(name)").path] = text }
        for (name, text) in new { messages[root.appendingPathComponent("new/\(name)").path] = text }
        return (root, messages)
    }

    /// The files the plan's walk gives, in order, and the largest chunk it gave them in.
    private func walked(_ plan: MailImportPlan) throws -> (paths: [String], largestChunk: Int, unchanged: Int) {
        var paths: [String] = []
        var largest = 0
        var unchanged = 0
        try plan.walk { step in
            guard case .files(let files, _, let skipped) = step else { return }
            #expect(files.map(\.path) == files.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            paths += files.map(\.path)
            largest = max(largest, files.count + skipped)
            unchanged += skipped
        }
        return (paths, largest, unchanged)
    }

    @Test func aFolderListedFourFilesAtATimeGivesEveryMessageOnce() throws {
        let fixtures = try MailFixtures()
        defer { fixtures.remove() }
        let (root, messages) = try maildir(fixtures)
        let store = try ArchiveStore(path: fixtures.archivePath)

        let plan = try MailImportPlan(paths: [root.path], archive: store, rescan: false, chunk: 4)
        let walk = try walked(plan)
        #expect(walk.paths.count == 30)
        #expect(Set(walk.paths) == Set(messages.keys))
        #expect(walk.largestChunk <= 4)
        #expect(plan.survey.filesToRead == 30)
        #expect(plan.survey.unchangedFiles == 0)
        #expect(plan.survey.bytesToRead == Int64(messages.values.reduce(0) { $0 + $1.utf8.count }))
    }

    @Test func filesArchivedAtTheSamePathAreLeftOutChunkByChunk() throws {
        let fixtures = try MailFixtures()
        defer { fixtures.remove() }
        let (root, messages) = try maildir(fixtures)
        let store = try ArchiveStore(path: fixtures.archivePath)
        let archivedBefore = Array(messages.keys.sorted().prefix(11))
        var importer = MailImporter(archive: store, personalIDKey: .testKey)
        importer.listingChunk = 3
        #expect(try importer.run(messageFiles: archivedBefore).archived == 11)

        let plan = try MailImportPlan(paths: [root.path], archive: store, rescan: false, chunk: 4)
        #expect(plan.survey.filesToRead == 19)
        #expect(plan.survey.unchangedFiles == 11)
        let walk = try walked(plan)
        #expect(Set(walk.paths) == Set(messages.keys).subtracting(archivedBefore))
        #expect(walk.paths.count == 19)
        #expect(walk.unchanged == 11)

        let rescan = try MailImportPlan(paths: [root.path], archive: store, rescan: true, chunk: 4)
        #expect(try walked(rescan).paths.count == 30)
    }

    @Test func anImportListingThreeFilesAtATimeArchivesEachMessageOnce() throws {
        let fixtures = try MailFixtures()
        defer { fixtures.remove() }
        let (root, messages) = try maildir(fixtures)
        let store = try ArchiveStore(path: fixtures.archivePath)
        var importer = MailImporter(archive: store, personalIDKey: .testKey)
        importer.listingChunk = 3
        importer.batchMessages = 4

        var fractions: [Double] = []
        let first = try importer.run(paths: [root.path]) { fractions.append($0.fractionDone) }
        #expect(first.archived == 30)
        #expect(first.quarantined == 0)
        #expect(fractions.last == 1)
        #expect(fractions == fractions.sorted())

        let second = try importer.run(paths: [root.path])
        #expect(second.archived == 0)
        #expect(second.alreadyPresent == 30)
        let counts = try store.counts()
        #expect(counts.interactions == messages.count)
        #expect(counts.originals == messages.count)
        #expect(counts.sourceLocations == messages.count)
        #expect(counts.indexedRows == messages.count)
    }
}
