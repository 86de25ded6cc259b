import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ImportCLITests {
    /// kill -9 at ten random moments, resuming each time: the archive ends up exactly as after one
    /// uninterrupted import — the same interactions, originals, places, quarantined records and
    /// full-text index entries.
    @Test func anImportKilledTenTimesAndResumedEqualsAnUninterruptedOne() throws {
        let scratch = try ScratchFolder()
        let mailbox = try SampleMailbox(at: scratch.url.appendingPathComponent("mail"), threads: 120)
        // Small batches: many transactions, so the kills land between and inside them; folders
        // listed a few files at a time, so they land between listing chunks too.
        let batching = ["--batch-messages", "8", "--listing-chunk", "5"]

        let started = Date()
        let reference = try importMail(mailbox, into: scratch.path("reference.sqlite"), in: scratch.url, batching)
        let uninterrupted = Date().timeIntervalSince(started)
        #expect(reference.total == mailbox.records)
        #expect(reference.quarantined == 2)
        #expect(reference.alreadyPresent == 1)

        // Each kill comes within the first fifth of an uninterrupted import's time, so that the
        // ten runs together get through roughly one import and most are killed while working.
        var random = SplitMix64(seed: UInt64(Date().timeIntervalSince1970 * 1000))
        var killedWhileWorking = 0
        var moments: [Int] = []
        for _ in 0..<10 {
            let delay = Double(random.next() % 1000) / 1000 * uninterrupted / 5
            moments.append(Int(delay * 1000))
            let running = try arkisto.start(
                ["import", "mail", "--archive", scratch.path("resumed.sqlite"), "--quiet"] + batching + mailbox.paths,
                in: scratch.url)
            Thread.sleep(forTimeInterval: delay)
            kill(running.process.processIdentifier, SIGKILL)
            running.process.waitUntilExit()
            let result = running.result()
            if result.killed {
                killedWhileWorking += 1
            } else {
                #expect(result.status == 0, "an import that was not killed failed: \(result.standardError)")
            }
        }
        let final = try importMail(mailbox, into: scratch.path("resumed.sqlite"), in: scratch.url, batching)
        #expect(final.total == mailbox.records)
        #expect(killedWhileWorking > 0, "no run was killed before it finished (kills at \(moments) ms)")

        let expected = try fingerprint(scratch.path("reference.sqlite"), in: scratch.url)
        let resumed = try fingerprint(scratch.path("resumed.sqlite"), in: scratch.url)
        #expect(expected.indexIntegrity == "ok")
        #expect(resumed == expected, "killed at \(moments) ms after each start")
        #expect(expected.originals == mailbox.records - 3)  // one duplicate, two records without a message

        // Nothing left to do.
        let again = try importMail(mailbox, into: scratch.path("resumed.sqlite"), in: scratch.url)
        #expect(again.archived == 0)
        #expect(again.total == mailbox.records)
    }
}
