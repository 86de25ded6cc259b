import Archive
import Foundation
@testable import Ingest
import MIME
import Testing

/// An attached message (a forward sent as an attachment, the original inside a bounce) is someone
/// else's text: archived as attachment text, and what it mentions links only weakly, as a forward
/// quoted in the body does.
@Suite struct AttachedMessageLinkingTests {
    static func interaction(_ text: String) throws -> NewInteraction {
        let bytes = Array(text.utf8)
        let message = try MessageParser.parse(bytes)
        return NewInteraction(
            email: message, digest: ContentDigest(of: bytes), ownDomains: ["operaattori.example"],
            mentions: MentionExtractor(personalIDKey: .testKey))
    }

    static let bounce = """
        From: MAILER-DAEMON@posti.operaattori.example (Mail Delivery System)
        To: tuki@operaattori.example
        Subject: Undelivered Mail Returned to Sender
        Content-Type: multipart/report; report-type=delivery-status; boundary="b"

        --b
        Content-Type: text/plain

        Your message could not be delivered.
        --b
        Content-Type: message/delivery-status

        Final-Recipient: rfc822; maija@example.fi
        Action: failed
        --b
        Content-Type: message/rfc822

        From: Asiakaspalvelu <tuki@operaattori.example>
        To: maija@example.fi
        Subject: Hyvityspäätös

        Hyvityspäätös asiakasnumerolle AS-1234567 on tehty.
        --b--
        """

    @Test func theReturnedMessageIsAttachmentTextAndLinksWeakly() throws {
        let archived = try Self.interaction(Self.bounce)
        #expect(archived.body == "Your message could not be delivered.")
        #expect(archived.participants.first?.name == "Mail Delivery System")
        #expect(archived.attachments.map(\.contentType) == ["message/delivery-status", "message/rfc822"])
        #expect(archived.attachments.map(\.text) == [
            "Final-Recipient: rfc822; maija@example.fi\nAction: failed",
            "Subject: Hyvityspäätös\nFrom: Asiakaspalvelu <tuki@operaattori.example>\nTo: maija@example.fi\n\n"
                + "Hyvityspäätös asiakasnumerolle AS-1234567 on tehty.",
        ])

        let customerNumber = archived.mentions.filter { $0.kind == .customerNumber }
        #expect(customerNumber == [IdentifierMention(kind: .customerNumber, value: "AS-1234567", location: "quoted", strength: .weak)])
        #expect(archived.mentions.contains(IdentifierMention(kind: .email, value: "maija@example.fi", location: "quoted", strength: .weak)))
        #expect(!archived.mentions.contains { $0.strength == .exact && $0.value == "maija@example.fi" })
    }

    /// The same number in the sender's own text stays exact evidence.
    @Test func theSendersOwnTextStillLinksExactly() throws {
        let archived = try Self.interaction("""
            From: maija@example.fi
            To: tuki@operaattori.example
            Subject: Hyvitys

            Asiakasnumeroni on AS-1234567.
            """)
        #expect(archived.mentions.contains(IdentifierMention(kind: .customerNumber, value: "AS-1234567", location: "body", strength: .exact)))
    }
}
