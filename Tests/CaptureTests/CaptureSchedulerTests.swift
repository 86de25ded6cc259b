import Archive
@testable import Capture
import Foundation
import Query
import Testing

@Suite struct CaptureSchedulerTests {
    @Test func syncArchivesWhatIsNewOnceAndCountsItInTheStatus() throws {
        let scratch = try CaptureScratch()
        let maildir = try scratch.maildir("posti")
        try SourceRegistry(archive: scratch.archive).add(
            ConfiguredSource(name: SourceName("posti"), settings: .maildir(MaildirSettings(path: maildir))))
        for n in 1...3 {
            try scratch.deliver(into: maildir, id: "m\(n)", subject: "Lasku \(n)", body: "Tervehdys \(n).")
        }

        let first = try CaptureScheduler(context: scratch.context).syncOnce()
        #expect(first.map(\.archived) == [3])
        #expect(first.first?.error == nil)

        try scratch.deliver(into: maildir, id: "m4", subject: "Lasku 4", body: "Tervehdys 4.")
        let second = try CaptureScheduler(context: scratch.context).syncOnce()
        #expect(second.map(\.archived) == [1])
        #expect(try scratch.interactions == 4)

        let status = try #require(try SourceStatus.all(archive: scratch.archive).first)
        #expect(status.archived == 4)
        #expect(status.failures == 0)
        #expect(status.lastSuccessAt != nil)
        #expect(status.itemsPerMinute > 0)
        #expect(status.newestItemAt != nil)
    }

    @Test func aFailingSourceIsReportedAndTheOthersGoOn() throws {
        let scratch = try CaptureScratch()
        let good = try scratch.maildir("good")
        let broken = try scratch.maildir("broken")
        let registry = SourceRegistry(archive: scratch.archive)
        try registry.add(ConfiguredSource(name: SourceName("a-broken"), settings: .maildir(MaildirSettings(path: broken))))
        try registry.add(ConfiguredSource(name: SourceName("b-good"), settings: .maildir(MaildirSettings(path: good))))
        try FileManager.default.removeItem(atPath: broken)
        try scratch.deliver(into: good, id: "ok", subject: "Liittymä", body: "Kiitos.")

        let reports = try CaptureScheduler(context: scratch.context).syncOnce()
        #expect(reports.map(\.source) == ["a-broken", "b-good"])
        #expect(reports[0].error?.contains(broken) == true)
        #expect(reports[1].archived == 1)

        let statuses = try SourceStatus.all(archive: scratch.archive)
        #expect(statuses[0].failures == 1)
        #expect(statuses[0].lastError?.contains(broken) == true)
        #expect(statuses[0].lastSuccessAt == nil)
        #expect(statuses[1].failures == 0)
    }

    @Test func backOffDoublesFromFiveSecondsToFiveMinutesOrToTheCeiling() {
        #expect((1...8).map { CaptureScheduler.backOff(failures: $0) }
            == [5, 10, 20, 40, 80, 160, 300, 300].map { Duration.seconds($0) })
        #expect((1...4).map { CaptureScheduler.backOff(failures: $0, ceiling: .seconds(12)) }
            == [5, 10, 12, 12].map { Duration.seconds($0) })
    }

    @Test func capturedComplaintsAreFlaggedWithoutAnotherCommand() throws {
        let scratch = try CaptureScratch()
        let maildir = try scratch.maildir("posti")
        try SourceRegistry(archive: scratch.archive).add(
            ConfiguredSource(name: SourceName("posti"), settings: .maildir(MaildirSettings(path: maildir))))
        try scratch.deliver(
            into: maildir, id: "rekl", subject: "Reklamaatio puhelinlaskusta",
            body: "Teen reklamaation: laskussa on virheellinen summa, vaadin hyvitystä.")
        _ = try CaptureScheduler(context: scratch.context).syncOnce()
        let complaints = try Search(archive: scratch.archive).run("is:complaint", limit: 10)
        #expect(complaints.total == 1)
    }

    @Test func watchArchivesADeliveredMessageAndStopsWhenAsked() async throws {
        let scratch = try CaptureScratch()
        let maildir = try scratch.maildir("posti")
        try SourceRegistry(archive: scratch.archive).add(
            ConfiguredSource(name: SourceName("posti"), settings: .maildir(MaildirSettings(path: maildir))))
        let stop = StopSignal()
        let context = scratch.context
        // watch blocks its thread, as in `arkisto watch`: a thread of its own, not one of the few
        // the test tasks share.
        let stopped = DispatchSemaphore(value: 0)
        let watcher = Thread {
            do {
                try CaptureScheduler(context: context).watch(stop: stop)
            } catch {
                Issue.record("watch failed: \(error)")
            }
            stopped.signal()
        }
        watcher.start()

        // Delivered after the first run (which reads what is there at the start): the watcher
        // sees the rename; the rescan would only come after a minute.
        // A bound on waiting, not on speed: on 2 cores shared with the suite's OCR and tool tests
        // the first run can take tens of seconds.
        let deadline = ContinuousClock.now.advanced(by: .seconds(120))
        while try SourceStatus.all(archive: scratch.archive).first?.lastAttemptAt == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        try scratch.deliver(into: maildir, id: "live", subject: "Vikailmoitus", body: "Yhteys katkeilee.")
        while try scratch.interactions < 1, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(try scratch.interactions == 1)
        stop.request()
        stopped.wait()
    }
}
