import Foundation
import Testing

/// The JSON contracts of the commands agents and other systems use, on the bundled Samples/
/// (register, mail, helpdesk export, call log), through the real executable.
@Suite struct AgentCommandsCLITests {
    let arkisto: ArkistoProcess
    let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples")

    init() throws {
        arkisto = try ArkistoProcess()
    }

    func importSamples(into folder: borrowing ScratchFolder) throws -> String {
        let archive = folder.path("samples.sqlite")
        let steps: [[String]] = [
            ["settings", "own-domains", "esimerkkiverkko.fi"],
            ["import", "customers", "--quiet", samples.appendingPathComponent("register/customers.jsonl").path],
            ["import", "mail", "--quiet", samples.appendingPathComponent("mail").path],
            ["import", "helpdesk", "--quiet", samples.appendingPathComponent("helpdesk/tickets.jsonl").path],
            ["import", "calls", "--quiet", samples.appendingPathComponent("calls/cdr.csv").path],
        ]
        for step in steps {
            let result = try arkisto.run(step + ["--archive", archive], in: folder.url)
            try #require(result.status == 0, "\(step.joined(separator: " ")) failed: \(result.standardError)")
        }
        return archive
    }

    func json(_ arguments: [String], in folder: borrowing ScratchFolder) throws -> Any {
        let result = try arkisto.run(arguments, in: folder.url)
        try #require(result.status == 0, "\(arguments.joined(separator: " ")) failed: \(result.standardError)")
        return try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
    }

    func jsonLines(_ arguments: [String], in folder: borrowing ScratchFolder) throws -> [[String: Any]] {
        let result = try arkisto.run(arguments, in: folder.url)
        try #require(result.status == 0, "\(arguments.joined(separator: " ")) failed: \(result.standardError)")
        return try result.standardOutput.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func searchJSONHasTotalAndTheResultKeys() throws {
        let folder = try ScratchFolder()
        let archive = try importSamples(into: folder)
        let page = try #require(try json(["search", "laskuja", "--json", "--archive", archive], in: folder) as? [String: Any])
        let total = try #require(page["total"] as? Int)
        let results = try #require(page["results"] as? [[String: Any]])
        #expect(total >= 5)
        #expect(!results.isEmpty)
        for key in ["interaction_id", "kind", "source_ref", "occurred_at", "subject", "snippet", "score"] {
            #expect(results.allSatisfy { $0[key] != nil }, "missing \(key)")
        }
        #expect(Set(results.compactMap { $0["kind"] as? String }).isSuperset(of: ["email", "ticket"]))
    }

    @Test func customerShowJSONHasTheProfileAndATimelineAcrossChannels() throws {
        let folder = try ScratchFolder()
        let archive = try importSamples(into: folder)
        let customer = try #require(try json(
            ["customer", "show", "040 000 0001", "--json", "--archive", archive], in: folder) as? [String: Any])
        #expect(customer["id"] as? String == "A001")
        let interactions = try #require(customer["interactions"] as? [[String: Any]])
        #expect(Set(interactions.compactMap { $0["kind"] as? String }) == ["email", "call"])
        for key in ["interaction_id", "kind", "source_ref", "occurred_at", "subject", "is_complaint", "evidence"] {
            #expect(interactions.allSatisfy { $0[key] != nil }, "missing \(key)")
        }
        let identifiers = try #require(customer["identifiers"] as? [[String: Any]])
        let personalID = try #require(identifiers.first { $0["kind"] as? String == "personal_id" })
        #expect(personalID["value"] == nil || personalID["value"] is NSNull)
    }

    @Test func complaintsAndUnlinkedAreListed() throws {
        let folder = try ScratchFolder()
        let archive = try importSamples(into: folder)
        let complaints = try jsonLines(["complaints", "--json", "--archive", archive], in: folder)
        #expect(complaints.contains { $0["source_ref"] as? String == "700001#1" })
        #expect(!complaints.contains { $0["source_ref"] as? String == "700001#2" }, "an agent's reply is no complaint")
        let unlinked = try jsonLines(["unlinked", "--json", "--archive", archive], in: folder)
        #expect(unlinked.contains { $0["source_ref"] as? String == "1737042300.3" })
    }

    @Test func aMalformedQueryIsExplainedWithItsPosition() throws {
        let folder = try ScratchFolder()
        let archive = try importSamples(into: folder)
        let result = try arkisto.run(["search", "lasku (vika", "--archive", archive], in: folder.url)
        #expect(result.status != 0)
        #expect(result.standardError.contains("unclosed parenthesis at position 7"))
    }

    @Test func parseJSONHasExactlyTheDocumentedKeys() throws {
        let folder = try ScratchFolder()
        let cur = samples.appendingPathComponent("mail/Maildir/cur")
        let first = try #require(try FileManager.default.contentsOfDirectory(atPath: cur.path).sorted().first)
        let message = try #require(try json(["parse", "--json", cur.appendingPathComponent(first).path], in: folder) as? [String: Any])
        #expect(Set(message.keys) == [
            "name", "message_id", "in_reply_to", "references", "date", "subject", "from", "to", "cc", "text", "html_text",
            "html_present", "attachments", "defects",
        ])
        // The credit note's attachment: its keys, text or not.
        let reply = try #require(try FileManager.default.contentsOfDirectory(atPath: cur.path).first { $0.contains(".M102") })
        let withAttachment = try #require(
            try json(["parse", "--json", "--no-ocr", cur.appendingPathComponent(reply).path], in: folder) as? [String: Any])
        let attachment = try #require((withAttachment["attachments"] as? [[String: Any]])?.first)
        #expect(Set(attachment.keys) == ["filename", "content_type", "size_decoded_bytes", "text", "text_source", "defects"])
    }

    /// The Samples' messages whose words stand in their attachments: found by the file names, and
    /// the forward by its words, with the snippet naming the attached message.
    @Test func theSamplesAttachmentsAreFoundByNameAndText() throws {
        let folder = try ScratchFolder()
        let archive = try importSamples(into: folder)
        func subjects(_ query: String) throws -> [String] {
            let page = try #require(try json(["search", query, "--json", "--archive", archive], in: folder) as? [String: Any])
            return (page["results"] as? [[String: Any]] ?? []).compactMap { $0["subject"] as? String }
        }
        #expect(try subjects("filename:\"lasku 2025 0214\"") == ["Helmikuun lasku"])
        #expect(try subjects("filename:png") == ["Siirto ei onnistu"])
        #expect(try subjects("filename:eml") == ["Fwd: Vahvistus liittymän irtisanomisesta"])
        let page = try #require(try json(["search", "attachment:kuukausimaksua", "--json", "--archive", archive], in: folder) as? [String: Any])
        let hit = try #require((page["results"] as? [[String: Any]])?.first)
        #expect(hit["subject"] as? String == "Fwd: Vahvistus liittymän irtisanomisesta")
        #expect(hit["snippet_attachment"] as? String == "vahvistus.eml")
        // Words only the PDF's text layer holds, and only the screenshot's pixels (the import's OCR pass).
        let invoice = try #require(try json(["search", "attachment:laskutusvirhe", "--json", "--archive", archive], in: folder) as? [String: Any])
        let invoiceHit = try #require((invoice["results"] as? [[String: Any]])?.first)
        #expect(invoice["total"] as? Int == 1)
        #expect(invoiceHit["subject"] as? String == "Helmikuun lasku")
        #expect(invoiceHit["snippet_attachment"] as? String == "lasku-2025-0214.pdf")
        #expect(try subjects("attachment:numeronsiirto") == ["Siirto ei onnistu"])
        #expect(try subjects("virhekoodi") == ["Siirto ei onnistu"], "OCR text answers unprefixed words too")
        let email = try #require(try json(["search", "kind:email", "--json", "--archive", archive], in: folder) as? [String: Any])
        #expect(email["total"] as? Int == 13 + 5, "the Maildir's 13 (the broken one kept with its defects) and the mbox's 5")
    }
}
