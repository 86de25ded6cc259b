import Foundation
import Testing

/// A forwarded message (message/rfc822) through the real executable: imported, its words found by
/// `arkisto search`, while `arkisto parse --json` keeps it out of the outer message's text and lists
/// it as an attachment with the enclosed message's size.
@Suite struct AttachedMessageCLITests {
    let arkisto: ArkistoProcess

    init() throws {
        arkisto = try ArkistoProcess()
    }

    static let enclosed = """
        From: Myynti <myynti@operaattori.example>
        To: liisa.lahtinen@example.fi
        Subject: Toimitusvahvistus
        Date: Mon, 1 Sep 2025 08:00:00 +0300
        Message-ID: <toimitus-1@operaattori.example>
        Content-Type: text/plain; charset=utf-8

        Reititinpaketti lähetetään kuriiripalvelulla perjantaina.

        """

    static let forward = """
        From: Liisa Lahtinen <liisa.lahtinen@example.fi>
        To: tuki@operaattori.example
        Subject: Fwd: Toimitus ei tullut
        Date: Tue, 9 Sep 2025 10:00:00 +0300
        Message-ID: <fwd-toimitus@example.fi>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="raja"

        --raja
        Content-Type: text/plain; charset=utf-8

        Paketti ei ole vieläkään saapunut, alla vahvistus.
        --raja
        Content-Type: message/rfc822
        Content-Disposition: attachment

        \(enclosed)
        --raja--

        """

    @Test func aForwardedMessageIsSearchableButNotTheOuterText() throws {
        let folder = try ScratchFolder()
        let message = folder.path("forward.eml")
        try Data(Self.forward.utf8).write(to: URL(fileURLWithPath: message))
        let archive = folder.path("archive.sqlite")

        let imported = try arkisto.run(["import", "mail", "--quiet", "--archive", archive, message], in: folder.url)
        try #require(imported.status == 0, "import failed: \(imported.standardError)")

        for (query, subject) in [("kuriiripalvelulla", "Fwd: Toimitus ei tullut"), ("saapunut", "Fwd: Toimitus ei tullut")] {
            let search = try arkisto.run(["search", query, "--json", "--archive", archive], in: folder.url)
            try #require(search.status == 0, "search failed: \(search.standardError)")
            let page = try #require(try JSONSerialization.jsonObject(with: Data(search.standardOutput.utf8)) as? [String: Any])
            let results = try #require(page["results"] as? [[String: Any]])
            #expect(results.compactMap { $0["subject"] as? String } == [subject], "search \(query)")
        }
        // attachment: limits a word to the attachments' text: the forwarded message, not the outer one.
        for (query, hits) in [("attachment:kuriiripalvelulla", 1), ("attachment:saapunut", 0), ("body:kuriiripalvelulla", 0)] {
            let search = try arkisto.run(["search", query, "--json", "--archive", archive], in: folder.url)
            try #require(search.status == 0, "search failed: \(search.standardError)")
            let page = try #require(try JSONSerialization.jsonObject(with: Data(search.standardOutput.utf8)) as? [String: Any])
            #expect(page["total"] as? Int == hits, "search \(query)")
        }

        let parsed = try arkisto.run(["parse", "--json", message], in: folder.url)
        try #require(parsed.status == 0, "parse failed: \(parsed.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(parsed.standardOutput.utf8))
        let summary = try #require((object as? [[String: Any]])?.first ?? object as? [String: Any])
        let text = try #require(summary["text"] as? String)
        #expect(text == "Paketti ei ole vieläkään saapunut, alla vahvistus.")
        #expect(!text.contains("kuriiripalvelulla"))
        let attachments = try #require(summary["attachments"] as? [[String: Any]])
        #expect(attachments.count == 1)
        #expect(attachments.first?["content_type"] as? String == "message/rfc822")
        #expect(attachments.first?["filename"] is NSNull)
        // The enclosed message as written (the line break before the delimiter is the delimiter's).
        #expect(attachments.first?["size_decoded_bytes"] as? Int == Self.enclosed.utf8.count)
    }

    /// A bounce returning only the undelivered message's header block (`text/rfc822-headers`): the
    /// subject the customer wrote is found, as attachment text, not as the bounce's own text.
    @Test func aReturnedHeaderBlockIsSearchableButNotTheOuterText() throws {
        let bounce = """
            From: MAILER-DAEMON@mx.operaattori.example (Mail Delivery System)
            To: liisa.lahtinen@example.fi
            Subject: Undelivered Mail Returned to Sender
            Date: Tue, 9 Sep 2025 10:05:00 +0300
            Message-ID: <bounce-1@mx.operaattori.example>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

            --b1
            Content-Type: text/plain

            The message could not be delivered.
            --b1
            Content-Type: text/rfc822-headers

            From: Liisa Lahtinen <liisa.lahtinen@example.fi>
            To: tuki@operaattori.example
            Subject: =?utf-8?q?Laskutusvirhe_kes=C3=A4kuussa?=
            --b1--

            """
        let folder = try ScratchFolder()
        let message = folder.path("bounce.eml")
        try Data(bounce.utf8).write(to: URL(fileURLWithPath: message))
        let archive = folder.path("archive.sqlite")
        let imported = try arkisto.run(["import", "mail", "--quiet", "--archive", archive, message], in: folder.url)
        try #require(imported.status == 0, "import failed: \(imported.standardError)")

        let search = try arkisto.run(["search", "laskutusvirhe kesäkuu has:attachment", "--json", "--archive", archive], in: folder.url)
        try #require(search.status == 0, "search failed: \(search.standardError)")
        let page = try #require(try JSONSerialization.jsonObject(with: Data(search.standardOutput.utf8)) as? [String: Any])
        let results = try #require(page["results"] as? [[String: Any]])
        #expect(results.compactMap { $0["subject"] as? String } == ["Undelivered Mail Returned to Sender"])

        let parsed = try arkisto.run(["parse", "--json", message], in: folder.url)
        try #require(parsed.status == 0, "parse failed: \(parsed.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(parsed.standardOutput.utf8))
        let summary = try #require((object as? [[String: Any]])?.first ?? object as? [String: Any])
        #expect(summary["text"] as? String == "The message could not be delivered.")
        let attachments = try #require(summary["attachments"] as? [[String: Any]])
        #expect(attachments.compactMap { $0["content_type"] as? String } == ["text/rfc822-headers"])
    }
}
