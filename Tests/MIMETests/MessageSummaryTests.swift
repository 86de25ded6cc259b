import Foundation
import Testing

@testable import MIME

@Suite("MessageSummary JSON")
struct MessageSummaryTests {
    private func json(_ fixture: String) throws -> [String: Any] {
        let summary = MessageSummary(message: try Fixture.message(fixture), name: "/some/dir/" + fixture)
        let data = try JSONEncoder().encode(summary)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func exactlyTheAgreedKeysWithExplicitNulls() throws {
        let object = try json("groups-and-comments.eml")
        #expect(
            Set(object.keys) == [
                "name", "message_id", "in_reply_to", "references", "date", "subject", "from", "to", "cc", "text",
                "html_text", "html_present", "attachments", "defects",
            ])
        let plain = try json("latin1-quoted-printable.eml")
        #expect(plain["in_reply_to"] is NSNull)
        let to = try #require(object["to"] as? [[String: Any]])
        #expect(to.count == 3)
        #expect(to[1]["name"] is NSNull)
        #expect(Set(to[1].keys) == ["name", "address"])
    }

    @Test func values() throws {
        let object = try json("alternative-base64.eml")
        #expect(object["name"] as? String == "alternative-base64.eml")
        #expect(object["message_id"] as? String == "alt-1@example.com")
        #expect(object["in_reply_to"] as? String == "20250701100000.1234@example.fi")
        #expect(object["references"] as? [String] == ["root@example.fi", "20250701100000.1234@example.fi"])
        #expect(object["date"] as? String == "2025-07-02T08:15:00Z")
        #expect(object["subject"] as? String == "Laskun eräpäivä")
        let from = try #require(object["from"] as? [[String: String]])
        #expect(from == [["name": "Virtanen, Pekka", "address": "pekka.virtanen@example.com"]])
        #expect(object["text"] as? String == "Hei äiti,\nLasku on maksettu.\n")
        #expect(object["html_present"] as? Bool == true)
        #expect(object["defects"] as? [String] == [])
    }

    @Test func addressesAreLowercasedAndAttachmentsSummarised() throws {
        let latin = try json("latin1-quoted-printable.eml")
        let from = try #require(latin["from"] as? [[String: String]])
        #expect(from.first?["address"] == "maija.makinen@example.fi")

        let mixed = try json("mixed-attachments.eml")
        let attachments = try #require(mixed["attachments"] as? [[String: Any]])
        #expect(attachments.map { $0["filename"] as? String } == ["selvitys_äöå_liite.pdf", "erittely.csv", "kuva ä.png"])
        #expect(attachments.map { $0["content_type"] as? String } == ["application/pdf", "text/csv", "image/png"])
        #expect(attachments.map { $0["size_decoded_bytes"] as? Int } == [51, 20, 70])
    }

    @Test func defectNamesOncePerKind() throws {
        let object = try json("defects.eml")
        let defects = try #require(object["defects"] as? [String])
        #expect(Set(defects) == ["nul_bytes", "mixed_line_endings", "undeclared_8bit_header", "unknown_charset", "invalid_base64"])
        #expect(defects.count == Set(defects).count)
        #expect(try json("missing-closing-boundary.eml")["defects"] as? [String] == ["missing_closing_boundary"])
    }

    @Test func absentSubjectAndDateAreNull() throws {
        let summary = MessageSummary(message: try parse("From: a@b\n\nhi"), name: "x.eml")
        let object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(summary)) as? [String: Any])
        #expect(object["subject"] is NSNull)
        #expect(object["date"] is NSNull)
        #expect(object["message_id"] is NSNull)
    }
}
