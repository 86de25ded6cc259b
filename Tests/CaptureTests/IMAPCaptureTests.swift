import Archive
import Capture
import Foundation
import Testing

/// An IMAP source through the scheduler, against a real Dovecot on loopback.
@Suite struct IMAPCaptureTests {
    @Test func mailIsArchivedOnceWithoutMbsyncsMarkerAndTheStagedCopiesAreGone() throws {
        let server = try IMAPDovecotHarness.start()
        defer { server.destroy() }
        let scratch = try CaptureScratch()
        _ = try server.deliver(5)
        let settings = IMAPSettings(
            server: try IMAPServer(url: server.info.url), user: server.info.user,
            password: .file(server.info.passwordFile), caFile: server.info.caFile)
        try SourceRegistry(archive: scratch.archive).add(ConfiguredSource(name: SourceName("posti"), settings: .imap(settings)))

        #expect(try CaptureScheduler(context: scratch.context).syncOnce().map(\.archived) == [5])
        let staged = scratch.archive.files.captureFolder + "/posti/maildir"
        #expect(try FileManager.default.contentsOfDirectory(atPath: staged + "/new").isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: staged + "/cur").isEmpty)

        // Deleted staged copies are not fetched again; new mail still comes.
        #expect(try CaptureScheduler(context: scratch.context).syncOnce().map(\.archived) == [0])
        _ = try server.deliver(3)
        let before = try server.state()
        #expect(try CaptureScheduler(context: scratch.context).syncOnce().map(\.archived) == [3])
        #expect(try scratch.interactions == 8)
        #expect(try server.state() == before, "the server's mailbox is as delivered")

        var originals = 0
        try scratch.archive.forEachOriginal { original in
            originals += 1
            #expect(!String(decoding: original.bytes, as: UTF8.self).contains("X-TUID:"))
        }
        #expect(originals == 8)
    }

    @Test func aRenumberedMailboxStopsTheSourceUntilItIsAddedAgainAndNothingIsArchivedTwice() throws {
        let server = try IMAPDovecotHarness.start()
        defer { server.destroy() }
        let scratch = try CaptureScratch()
        _ = try server.deliver(3)
        let source = ConfiguredSource(name: try SourceName("posti"), settings: .imap(IMAPSettings(
            server: try IMAPServer(url: server.info.url), user: server.info.user,
            password: .file(server.info.passwordFile), caFile: server.info.caFile)))
        let registry = SourceRegistry(archive: scratch.archive)
        try registry.add(source)
        #expect(try CaptureScheduler(context: scratch.context).syncOnce().map(\.archived) == [3])

        try server.renumber(uidValidity: 12_345)
        _ = try server.deliver(1)
        let refused = try CaptureScheduler(context: scratch.context).syncOnce()
        #expect(refused.first?.error?.contains("UIDVALIDITY changed") == true)
        let status = try #require(try SourceStatus.all(archive: scratch.archive).first)
        #expect(status.isFailing)

        // Added again, the source mirrors the mailbox from the start: the three archived before
        // have the same bytes (mbsync's marker removed) and are not archived twice.
        try registry.remove(named: "posti")
        try registry.add(source)
        let again = try CaptureScheduler(context: scratch.context).syncOnce()
        #expect(again.map(\.archived) == [1])
        #expect(again.map(\.alreadyPresent) == [3])
        #expect(try scratch.interactions == 4)
    }
}
