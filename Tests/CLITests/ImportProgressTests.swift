import Foundation
import Testing

extension ImportCLITests {
    /// Off a terminal, progress comes as plain lines on standard error (count, rate, bytes) and
    /// the summary on standard output; `--quiet` leaves standard error empty.
    @Test func progressGoesToStandardErrorAsLinesAndQuietSilencesIt() throws {
        let scratch = try ScratchFolder()
        let mailbox = try SampleMailbox(at: scratch.url.appendingPathComponent("mail"), threads: 8)
        let loud = try arkisto.run(["import", "mail", "--archive", scratch.path("a.sqlite")] + mailbox.paths, in: scratch.url)
        #expect(loud.status == 0)
        #expect(!loud.standardError.contains("\u{1B}["), "no terminal control codes off a terminal")
        let progress = try #require(loud.standardError.split(separator: "\n").first)
        #expect(progress.contains("messages") && progress.contains("MiB"), "\(progress)")
        #expect(loud.standardOutput.contains("Imported \(mailbox.records) messages"), "\(loud.standardOutput)")
        #expect(loud.standardOutput.contains("MiB read at"))
        #expect(loud.standardOutput.contains("not-a-message: 2") || loud.standardOutput.contains("quarantined:     2"))

        let quiet = try arkisto.run(
            ["import", "mail", "--archive", scratch.path("b.sqlite"), "--quiet", "--jobs", "1"] + mailbox.paths, in: scratch.url)
        #expect(quiet.status == 0)
        #expect(quiet.standardError.isEmpty, "\(quiet.standardError)")
    }
}
