import Archive
import Foundation
import Ingest
import Query
import Testing

/// A recording or transcript that appears after its call was archived is attached to the call:
/// searchable, classified, linked to the customer it names, counted as updated; the CDR original
/// stays as it was.
@Suite final class LateCallMediaTests {
    let fixtures: MailFixtures
    let store: ArchiveStore
    let importer: CallImporter

    init() throws {
        fixtures = try MailFixtures()
        try fixtures.write("register.jsonl", CallFixtures.register)
        try fixtures.write("calls/Master.csv", CallFixtures.row(1) + CallFixtures.row(2, recorded: false))
        store = try ArchiveStore(path: fixtures.archivePath)
        importer = CallImporter(archive: store, personalIDKey: .testKey)
        _ = try CustomerImporter(archive: store, personalIDKey: .testKey).run(paths: [path("register.jsonl")])
    }

    deinit { fixtures.remove() }

    func path(_ relative: String) -> String { fixtures.root.appendingPathComponent(relative).path }

    func addMedia() throws {
        try fixtures.write("calls/recordings/rec-1.1.wav", CrossChannelTests.wav(seconds: 1))
        try fixtures.write("calls/transcripts/rec-1.1.vtt", CallFixtures.transcript)
    }

    func customer() throws -> Int64 { try #require(try store.customerIDs(sourceID: "C1").first) }

    @Test func aTranscriptArrivingAfterItsCallIsAttachedByTheNextImport() throws {
        let first = try importer.run(paths: [path("calls/Master.csv")])
        #expect(first.archived == 2)
        try Classifier(archive: store).apply()
        #expect(try Search(archive: store).run("pätkii", limit: nil).total == 0)
        #expect(try store.timeline(customerID: customer()).isEmpty)
        let before = try store.fingerprint()

        try addMedia()
        let second = try importer.run(paths: [path("calls/Master.csv")])
        #expect(second.updated == 1)
        #expect(second.alreadyPresent == 1)
        #expect(second.archived == 0)
        try Classifier(archive: store).apply()

        let hits = try Search(archive: store).run("pätkiä kind:call", limit: nil).hits
        #expect(hits.map(\.sourceRef) == ["1.1"])
        #expect(try store.complaints(customerID: nil, since: nil).map(\.sourceRef) == ["1.1"])
        #expect(try store.timeline(customerID: customer()).map(\.interaction.sourceRef) == ["1.1"])
        let after = try store.fingerprint()
        #expect(after.originalsDigest == before.originalsDigest)
        #expect(after.interactions == before.interactions)
        #expect(after.indexIntegrity == before.indexIntegrity)

        // A third run finds nothing new.
        let third = try importer.run(paths: [path("calls/Master.csv")])
        #expect(third.updated == 0)
        #expect(third.alreadyPresent == 2)
        #expect(try store.fingerprint() == after)
    }

    @Test func theAmendedCallHasItsFilesAndTheTranscriptAsItsText() throws {
        _ = try importer.run(paths: [path("calls/Master.csv")])
        let id = try #require(try Search(archive: store).run("kind:call", limit: nil).hits.first { $0.sourceRef == "1.1" }?.interactionID)
        #expect(try store.interactionContents(ids: [id]).first?.call?.recordingPath == nil)

        try addMedia()
        _ = try importer.run(paths: [path("calls/Master.csv")])
        let content = try #require(try store.interactionContents(ids: [id]).first)
        #expect(content.body.contains("netti pätkii"))
        let call = try #require(content.call)
        #expect(call.recordingPath == path("calls/recordings/rec-1.1.wav"))
        #expect(call.transcriptPath == path("calls/transcripts/rec-1.1.vtt"))
        #expect(call.audioFormat != nil)
        #expect(call.transcriptSHA256?.count == 64)
    }

    @Test func aCaptureCycleAttachesLateMediaWithoutReadingTheCDRAgain() throws {
        _ = try importer.run(paths: [path("calls/Master.csv")])
        let folders = (recordings: path("calls/recordings"), transcripts: path("calls/transcripts"))
        #expect(try importer.attachLateMedia(recordings: folders.recordings, transcripts: folders.transcripts).isEmpty)

        try addMedia()
        let amended = try importer.attachLateMedia(recordings: folders.recordings, transcripts: folders.transcripts)
        #expect(try store.interactionContents(ids: amended).map(\.summary.sourceRef) == ["1.1"])
        try Classifier(archive: store).apply()
        #expect(try Search(archive: store).run("reklamaatio", limit: nil).hits.map(\.sourceRef) == ["1.1"])
        #expect(try store.timeline(customerID: customer()).map(\.interaction.sourceRef) == ["1.1"])
        let after = try store.fingerprint()
        #expect(try importer.attachLateMedia(recordings: folders.recordings, transcripts: folders.transcripts).isEmpty)
        #expect(try store.fingerprint() == after)
    }

    @Test func aRecordingAloneFirstThenItsTranscriptAreBothAttached() throws {
        _ = try importer.run(paths: [path("calls/Master.csv")])
        try fixtures.write("calls/recordings/rec-1.1.wav", CrossChannelTests.wav(seconds: 1))
        #expect(try importer.run(paths: [path("calls/Master.csv")]).updated == 1)
        #expect(try Search(archive: store).run("pätkii", limit: nil).total == 0)

        try fixtures.write("calls/transcripts/rec-1.1.vtt", CallFixtures.transcript)
        #expect(try importer.run(paths: [path("calls/Master.csv")]).updated == 1)
        #expect(try Search(archive: store).run("pätkii", limit: nil).total == 1)
    }
}

extension LateCallMediaTests {
    /// A capture cycle (runTail) attaches media that appeared since the last cycle, also for calls
    /// read in earlier cycles.
    @Test func aTailCycleAttachesMediaOfCallsReadInEarlierCycles() throws {
        let cdr = path("calls/Master.csv")
        let first = try importer.runTail(path: cdr, checkpointKey: "calls:pbx")
        #expect(first.records == 2)
        #expect(first.lateMedia == 0)

        try addMedia()
        let second = try importer.runTail(path: cdr, checkpointKey: "calls:pbx")
        #expect(second.records == 0)
        #expect(second.lateMedia == 1)
        #expect(try Search(archive: store).run("pätkii", limit: nil).hits.map(\.sourceRef) == ["1.1"])

        #expect(try importer.runTail(path: cdr, checkpointKey: "calls:pbx").lateMedia == 0)
    }
}
