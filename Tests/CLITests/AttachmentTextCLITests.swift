import Foundation
import Testing

/// Attachment text where a user sees it, through the real executable: `arkisto parse --json` gives
/// each attachment's text, source and defects; `arkisto search` finds names with `filename:` and
/// says which attachment a snippet comes from. The attachments here are ones MIME reads itself
/// (a text file, a forwarded message); the other formats' readers have tests of their own.
@Suite struct AttachmentTextCLITests {
    let arkisto: ArkistoProcess

    init() throws {
        arkisto = try ArkistoProcess()
    }

    static let invoice = """
        From: Liisa Korhonen <liisa.korhonen@example.com>
        To: asiakaspalvelu@operaattori.example
        Subject: Helmikuun lasku
        Date: Mon, 17 Feb 2025 10:20:00 +0200
        Message-ID: <lasku-erittely@example.com>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="raja"

        --raja
        Content-Type: text/plain; charset=utf-8

        Erittely liitteenä, katsokaa sen huomautusta.
        --raja
        Content-Type: text/plain; charset=utf-8; name="Lasku_2025-02.txt"
        Content-Disposition: attachment; filename="Lasku_2025-02.txt"

        Asennuskäynti 3.2.2025  89,00 €
        Huomautus: erittelyssä on laskutusvirhe, käynti veloitettiin kahdesti.
        --raja
        Content-Type: message/rfc822; name="vahvistus.eml"
        Content-Disposition: attachment; filename="vahvistus.eml"

        From: Asiakaspalvelu <asiakaspalvelu@operaattori.example>
        To: liisa.korhonen@example.com
        Subject: Vahvistus tilauksesta
        Message-ID: <vahvistus-1@operaattori.example>
        Content-Type: text/plain; charset=utf-8

        Tilauksesi on vahvistettu, asentaja tulee maanantaina.
        --raja--

        """

    static let plain = """
        From: Matti Virtanen <matti.virtanen@example.fi>
        To: asiakaspalvelu@operaattori.example
        Subject: Lasku
        Date: Tue, 18 Feb 2025 09:00:00 +0200
        Message-ID: <ilman-liitteita@example.fi>
        Content-Type: text/plain; charset=utf-8

        Laskussani on laskutusvirhe, ei liitteitä.

        """

    func write(_ text: String, _ name: String, in folder: borrowing ScratchFolder) throws -> String {
        let path = folder.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func parseJSONGivesEachAttachmentsTextSourceAndDefects() throws {
        let folder = try ScratchFolder()
        let message = try write(Self.invoice, "lasku.eml", in: folder)
        let parsed = try arkisto.run(["parse", "--json", "--no-ocr", message], in: folder.url)
        try #require(parsed.status == 0, "parse failed: \(parsed.standardError)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(parsed.standardOutput.utf8)) as? [String: Any])
        let attachments = try #require(summary["attachments"] as? [[String: Any]])
        try #require(attachments.count == 2)
        #expect(attachments[0]["filename"] as? String == "Lasku_2025-02.txt")
        #expect((attachments[0]["text"] as? String)?.contains("laskutusvirhe") == true)
        #expect(attachments[0]["text_source"] as? String == "text")
        #expect((attachments[0]["defects"] as? [Any])?.isEmpty == true)
        #expect((attachments[1]["text"] as? String)?.contains("asentaja tulee maanantaina") == true)
        #expect(attachments[1]["text_source"] as? String == "message")
        #expect((summary["defects"] as? [String])?.contains("attachment_unreadable") == false)
        // The attachment's words are not the message's own text.
        #expect((summary["text"] as? String)?.contains("laskutusvirhe") == false)

        let described = try arkisto.run(["parse", "--no-ocr", message], in: folder.url)
        #expect(described.standardOutput.contains("Attachment: Lasku_2025-02.txt text/plain"))
        #expect(described.standardOutput.contains("characters of text (text)"))

        let bare = try arkisto.run(["parse", "--json", try write(Self.plain, "plain.eml", in: folder)], in: folder.url)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bare.standardOutput.utf8)) as? [String: Any])
        #expect((object["attachments"] as? [Any])?.isEmpty == true)
    }

    @Test func searchFindsNamesAndSaysWhichAttachmentASnippetComesFrom() throws {
        let folder = try ScratchFolder()
        let mail = folder.url.appendingPathComponent("mail")
        try FileManager.default.createDirectory(at: mail, withIntermediateDirectories: true)
        try Data(Self.invoice.utf8).write(to: mail.appendingPathComponent("lasku.eml"))
        try Data(Self.plain.utf8).write(to: mail.appendingPathComponent("plain.eml"))
        let archive = folder.path("archive.sqlite")
        let imported = try arkisto.run(["import", "mail", "--quiet", "--archive", archive, mail.path], in: folder.url)
        try #require(imported.status == 0, "import failed: \(imported.standardError)")

        func results(_ query: String) throws -> [[String: Any]] {
            let search = try arkisto.run(["search", "--json", "--archive", archive, "--", query], in: folder.url)
            try #require(search.status == 0, "\(query): \(search.standardError)")
            let page = try #require(try JSONSerialization.jsonObject(with: Data(search.standardOutput.utf8)) as? [String: Any])
            return try #require(page["results"] as? [[String: Any]])
        }
        for query in ["filename:lasku", "filename:txt", "filename:2025-02", "filename:las*", "filename:eml laskutusvirhe"] {
            #expect(try results(query).compactMap { $0["source_ref"] as? String } == ["lasku-erittely@example.com"], "\(query)")
        }
        #expect(try results("filename:laskutusvirhe").isEmpty)

        let hits = try results("laskutusvirhe")
        let byRef = Dictionary(uniqueKeysWithValues: hits.compactMap { hit in (hit["source_ref"] as? String).map { ($0, hit) } })
        #expect(byRef["lasku-erittely@example.com"]?["snippet_attachment"] as? String == "Lasku_2025-02.txt")
        #expect(byRef["ilman-liitteita@example.fi"]?["snippet_attachment"] == nil)
        #expect(try results("maanantaina").first?["snippet_attachment"] as? String == "vahvistus.eml")

        let text = try arkisto.run(["search", "--archive", archive, "--", "attachment:laskutusvirhe"], in: folder.url)
        #expect(text.standardOutput.contains("   Lasku_2025-02.txt: "), "\(text.standardOutput)")
    }
}
