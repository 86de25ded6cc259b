import Foundation
import Testing

extension ImportCLITests {
    /// A second run over a Maildir that gained files reads only the new ones: a file already
    /// archived at the same path is not read again (here its bytes are changed behind the
    /// archive's back, and the change goes unnoticed), unless `--rescan` asks for it.
    @Test func aRerunReadsOnlyTheNewFilesOfAMaildir() throws {
        let scratch = try ScratchFolder()
        let mailbox = try SampleMailbox(at: scratch.url.appendingPathComponent("mail"), threads: 10)
        let archive = scratch.path("archive.sqlite")
        let first = try importMail(mailbox, into: archive, in: scratch.url)
        let before = try fingerprint(archive, in: scratch.url)

        let cur = mailbox.maildir.appendingPathComponent("cur")
        let archived = try #require(
            try FileManager.default.contentsOfDirectory(atPath: cur.path).sorted().first { !$0.contains("empty") })
        try Data(Self.message(id: "muutettu@example.fi", subject: "Muutettu tiedosto").utf8)
            .write(to: cur.appendingPathComponent(archived))
        for number in 1...3 {
            try Data(Self.message(id: "uusi\(number)@example.fi", subject: "Uusi viesti \(number)").utf8)
                .write(to: mailbox.maildir.appendingPathComponent("new/1800000000.\(number).arkisto-test"))
        }

        let second = try importMail(mailbox, into: archive, in: scratch.url)
        #expect(second.archived == 3)
        #expect(second.total == first.total + 3)
        #expect(try fingerprint(archive, in: scratch.url).originals == before.originals + 3)

        let rescan = try importMail(mailbox, into: archive, in: scratch.url, ["--rescan"])
        #expect(rescan.archived == 1)
        #expect(try fingerprint(archive, in: scratch.url).originals == before.originals + 4)
    }

    static func message(id: String, subject: String) -> String {
        """
        From: Uusi Asiakas <uusi@example.fi>
        To: asiakaspalvelu@esimerkkiverkko.fi
        Subject: \(subject)
        Date: Tue, 4 Mar 2025 10:00:00 +0200
        Message-ID: <\(id)>
        Content-Type: text/plain; charset=utf-8

        Liittymäni laskussa on virhe, pyydän korjausta.

        """
    }
}
