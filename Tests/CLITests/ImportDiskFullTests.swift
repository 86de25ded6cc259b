import Foundation
import Testing

extension ImportCLITests {
    /// A full disk (here: the archive capped below what the import needs, SQLite's own limit)
    /// stops the import with a clear message; the archive still opens, and the same import run
    /// again with room to grow completes it as if nothing had happened.
    @Test func aFullDiskStopsTheImportClearlyAndTheSameImportCompletesIt() throws {
        let scratch = try ScratchFolder()
        let mailbox = try SampleMailbox(at: scratch.url.appendingPathComponent("mail"), threads: 60)
        try importMail(mailbox, into: scratch.path("reference.sqlite"), in: scratch.url)
        let referenceSize = try #require(
            FileManager.default.attributesOfItem(atPath: scratch.path("reference.sqlite"))[.size] as? Int)

        let archive = scratch.path("full.sqlite")
        let full = try arkisto.run(
            ["import", "mail", "--archive", archive, "--quiet", "--batch-messages", "16",
             "--max-archive-bytes", "\(referenceSize / 2)"] + mailbox.paths,
            in: scratch.url)
        #expect(full.status != 0 && !full.killed)
        #expect(full.standardError.contains("full.sqlite"), "the error names the archive: \(full.standardError)")
        #expect(full.standardError.contains("disk is full"), "\(full.standardError)")
        #expect(full.standardError.contains("run the same import again"), "\(full.standardError)")

        // Still an archive: it opens, and part of the mail is in it.
        let partial = try fingerprint(archive, in: scratch.url)
        #expect(partial.indexIntegrity == "ok")
        #expect(partial.interactions > 0)

        let completed = try importMail(mailbox, into: archive, in: scratch.url)
        #expect(completed.total == mailbox.records)
        #expect(try fingerprint(archive, in: scratch.url) == fingerprint(scratch.path("reference.sqlite"), in: scratch.url))
    }
}
