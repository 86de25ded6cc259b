import Foundation
import Testing

@testable import MIME

/// Messages inside messages (a forward, the original inside a bounce, a delivery report, an
/// external body) are attachments: listed with their type and size, their text searchable as the
/// attachment's, never the enclosing message's own text.
@Suite("Attached messages")
struct AttachedMessageTests {
    /// A bounce that returns only the undelivered message's header block (RFC 6522
    /// `text/rfc822-headers`): an attachment whose text is its decoded Subject/From/To lines.
    @Test func aReturnedHeaderBlockIsAnAttachmentWithItsDecodedFields() throws {
        let bounce = """
            From: MAILER-DAEMON@mx.example (Mail Delivery System)
            To: maija@example.fi
            Subject: Undelivered Mail Returned to Sender
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

            --b1
            Content-Type: text/plain

            The message could not be delivered.
            --b1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example

            Final-Recipient: rfc822; tuntematon@example.fi
            Status: 5.1.1
            --b1
            Content-Type: text/rfc822-headers

            From: =?utf-8?q?Maija_Meik=C3=A4l=C3=A4inen?= <maija@example.fi>
            To: tuntematon@example.fi
            Subject: =?utf-8?q?Reklamaatio_puhelinlaskusta?=
            Message-ID: <r1@example.fi>
            --b1--

            """
        let message = try MessageParser.parse(Array(bounce.utf8))
        #expect(message.plainText == "The message could not be delivered.")
        let attachments = message.attachments
        #expect(attachments.map(\.contentType) == ["message/delivery-status", "text/rfc822-headers"])
        #expect(attachments.last?.text == """
            Subject: Reklamaatio puhelinlaskusta
            From: Maija Meikäläinen <maija@example.fi>
            To: tuntematon@example.fi
            """)
    }

    @Test func aBounceListsItsReportAndTheReturnedMessage() throws {
        let bytes = try Fixture.bytes("bounce-with-original.eml")
        let message = try MessageParser.parse(bytes)
        #expect(message.from == [MailAddress(name: "Mail Delivery System", address: "MAILER-DAEMON@posti.operaattori.example")])
        #expect(message.plainText.hasPrefix("This is the mail system at host posti.operaattori.example."))
        #expect(!message.plainText.contains("hyvityspäätöksenne"))
        #expect(!message.plainText.contains("Final-Recipient"))

        let attachments = message.attachments
        #expect(attachments.map(\.contentType) == ["message/delivery-status", "message/rfc822"])
        #expect(attachments.map(\.filename) == [nil, nil])

        let report = try #require(attachments.first?.text)
        #expect(report.contains("Final-Recipient: rfc822; maija.meikalainen@example.fi"))
        #expect(report.contains("Status: 5.1.1"))

        let returned = attachments[1]
        let start = try #require(bytes.firstRange(of: Array("Date: Tue, 14 Oct 2025 10:21:00".utf8))?.lowerBound)
        let end = try #require(bytes.firstRange(of: Array("on tehty.\n".utf8))?.upperBound)
        #expect(returned.data == Array(bytes[start..<end]))
        #expect(returned.text == """
            Subject: Hyvityspäätös
            From: Asiakaspalvelu <tuki@operaattori.example>
            To: Maija <maija.meikalainen@example.fi>

            Hei Maija,

            hyvityspäätöksenne asiakasnumerolle AS-1234567 on tehty.
            """)
    }

    @Test func aForwardInsideAForwardIsReadToTheBottomWithItsAttachments() throws {
        let message = try parse("""
            From: liisa@example.fi
            Subject: Fwd: Fwd: lasku
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: text/plain; charset=utf-8

            Katsokaa alla olevaa.
            --outer
            Content-Type: message/rfc822; name="edellinen.eml"
            Content-Disposition: attachment; filename="edellinen.eml"

            From: Pekka <pekka@example.fi>
            Subject: Fwd: lasku
            Content-Type: multipart/mixed; boundary=middle

            --middle
            Content-Type: text/html; charset=utf-8

            <p>Välitän <b>laskun</b>.</p>
            --middle
            Content-Type: message/rfc822

            From: laskutus@operaattori.example (Laskutus)
            Subject: Lasku 4/2025
            Content-Type: multipart/mixed; boundary=inner

            --inner
            Content-Type: text/plain; charset=utf-8

            Eräpäivä on 30.4.
            --inner
            Content-Type: text/csv; charset=utf-8
            Content-Disposition: attachment; filename="erittely.csv"

            puhelu;0,50
            --inner--
            --middle--
            --outer--
            """)
        #expect(message.plainText == "Katsokaa alla olevaa.")
        #expect(message.htmlText == "")
        let attachments = message.attachments
        #expect(attachments.map(\.contentType) == ["message/rfc822"])
        #expect(attachments.first?.filename == "edellinen.eml")
        #expect(attachments.first?.text == """
            Subject: Fwd: lasku
            From: Pekka <pekka@example.fi>

            Välitän laskun.

            Subject: Lasku 4/2025
            From: Laskutus <laskutus@operaattori.example>

            Eräpäivä on 30.4.

            erittely.csv

            puhelu;0,50
            """)
        // The attachments inside the forward are still found for archives that listed them.
        #expect(message.leafAttachmentsAtAnyDepth.map(\.filename) == ["erittely.csv"])
    }

    @Test func externalBodyAndDispositionNotificationsAreAttachments() throws {
        let message = try parse("""
            From: a@example.fi
            Subject: viitteet
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            Tiedosto on palvelimella.
            --b
            Content-Type: message/external-body; access-type=URL; URL="https://example.fi/raportti.pdf"

            Content-Type: application/pdf
            Content-ID: <raportti@example.fi>

            --b
            Content-Type: message/disposition-notification

            Reporting-UA: posti.example.fi
            Final-Recipient: rfc822; a@example.fi
            Disposition: manual-action/MDN-sent-manually; displayed
            --b--
            """)
        #expect(message.plainText == "Tiedosto on palvelimella.")
        #expect(message.attachments.map(\.contentType) == ["message/external-body", "message/disposition-notification"])
        let report = "Reporting-UA: posti.example.fi\nFinal-Recipient: rfc822; a@example.fi\n"
            + "Disposition: manual-action/MDN-sent-manually; displayed"
        #expect(message.attachments.map(\.data) == [
            Array("Content-Type: application/pdf\nContent-ID: <raportti@example.fi>\n".utf8), Array(report.utf8),
        ])
        #expect(message.attachments.map(\.text) == [nil, report])
    }

    @Test func aMessageThatIsOnlyAnAttachedMessageHasNoTextOfItsOwn() throws {
        let message = try parse("""
            From: a@example.fi
            Content-Type: message/rfc822

            From: b@example.fi
            Subject: sisällä

            sisempi teksti
            """)
        #expect(message.plainText == "")
        #expect(message.attachments.map(\.text) == ["Subject: sisällä\nFrom: b@example.fi\n\nsisempi teksti"])
    }
}
