import Extract
import MIME
import Testing

@testable import arkisto

/// What `arkisto parse` does with an attachment the readers could not read: the problem is the
/// attachment's defect, MIME's own text stays, and the message gets `attachment_unreadable`.
@Suite struct AttachmentTextReadingTests {
    static let message = """
        From: Liisa Korhonen <liisa.korhonen@example.com>
        Subject: Liitteet
        Message-ID: <liitteet@example.com>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="raja"

        --raja
        Content-Type: text/plain; charset=utf-8

        Kaksi liitettä.
        --raja
        Content-Type: message/rfc822; name="erittely.eml"
        Content-Disposition: attachment; filename="erittely.eml"

        From: Laskutus <laskutus@esimerkkiverkko.fi>
        Subject: Erittely

        Asennuskäynti veloitettiin kahdesti.
        --raja--

        """

    func summary(limits: ExtractionLimits) throws -> MessageSummary {
        let message = try MessageParser.parse(Array(Self.message.utf8))
        var summary = MessageSummary(message: message, name: "liitteet.eml")
        AttachmentTextReading(extractor: AttachmentExtractor(limits: limits), recognises: false).read(message, into: &summary)
        return summary
    }

    @Test func aProblemIsTheAttachmentsDefectAndTheMessagesToo() throws {
        // No nesting at all allowed: the readers refuse even the attachment itself.
        var refusing = ExtractionLimits.default
        refusing.maxNestingDepth = -1
        let refused = try summary(limits: refusing)
        let attachment = try #require(refused.attachments.first)
        #expect(attachment.defects.map(\.reason) == ["nesting_too_deep"])
        #expect(attachment.defects.map(\.location) == ["erittely.eml"])
        // MIME's text of the forward stays.
        #expect(attachment.text?.contains("Asennuskäynti veloitettiin kahdesti.") == true)
        #expect(attachment.textSource == "message")
        #expect(refused.defects.contains("attachment_unreadable"))

        let read = try summary(limits: .default)
        #expect(read.attachments.first?.defects.isEmpty == true)
        #expect(!read.defects.contains("attachment_unreadable"))
    }
}
