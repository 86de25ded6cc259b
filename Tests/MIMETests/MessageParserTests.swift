import Foundation
import Testing

@testable import MIME

@Suite("Message parser")
struct MessageParserTests {
    @Test func plainLatin1QuotedPrintable() throws {
        let message = try Fixture.message("latin1-quoted-printable.eml")
        #expect(message.messageID == "20250701100000.1234@example.fi")
        #expect(message.date == Date(timeIntervalSince1970: 1_751_353_200))
        #expect(message.body.contentType == "text/plain")
        #expect(message.body.contentTypeParameters["charset"] == "ISO-8859-1")
        #expect(message.plainText == "Hei,\n\nlaskun eräpäivä on väärin. Summa 12,90 ¤ on liian suuri.\nTerveisin Maija\n")
        #expect(message.htmlText == "")
        #expect(!message.htmlPresent)
        #expect(message.attachments.isEmpty)
        #expect(message.defects.isEmpty)
    }

    @Test func alternativeWithBase64TextAndHTML() throws {
        let message = try Fixture.message("alternative-base64.eml")
        guard case .multipart(let parts) = message.body.content else {
            Issue.record("expected a multipart body")
            return
        }
        #expect(parts.map(\.contentType) == ["text/plain", "text/html"])
        #expect(message.plainText == "Hei äiti,\nLasku on maksettu.\n")
        #expect(message.htmlPresent)
        #expect(message.htmlText.contains("maksettu"))
        #expect(!message.htmlText.contains("<b>"))
        #expect(message.inReplyTo == "20250701100000.1234@example.fi")
        #expect(message.references == ["root@example.fi", "20250701100000.1234@example.fi"])
        #expect(message.subject == "Laskun eräpäivä")
        #expect(message.defects.isEmpty)
    }

    @Test func mixedWithAttachments() throws {
        let message = try Fixture.message("mixed-attachments.eml")
        #expect(message.plainText == "Liitteenä erittely ja selvitys.\n")
        let attachments = message.attachments
        #expect(attachments.map(\.contentType) == ["application/pdf", "text/csv", "image/png"])
        #expect(attachments[0].data.prefix(8) == Array("%PDF-1.4".utf8)[...])
        #expect(attachments[0].text == nil)
        #expect(attachments[1].text == "rivi;summa\n1;10,00 €")
        #expect(attachments[1].data.last(2) == [0x20, 0x80])
        #expect(attachments[2].data.count == 70)
        #expect(message.defects.isEmpty)
    }

    @Test func nestedMessageIsParsedAndWalked() throws {
        let message = try Fixture.message("forwarded-message.eml")
        guard case .multipart(let parts) = message.body.content, parts.count == 2,
            case .message(let inner) = parts[1].content
        else {
            Issue.record("expected multipart/mixed with a message/rfc822 part")
            return
        }
        #expect(parts[1].contentType == "message/rfc822")
        #expect(inner.subject == "Vahvistus")
        #expect(inner.messageID == "fwd-inner@operaattori.example")
        #expect(inner.from.first?.address == "myynti@operaattori.example")
        #expect(inner.plainText == "Tilausvahvistus.")
        #expect(message.subject == "Fwd: Vahvistus")
        // The forwarded message is an attachment, not the outer message's own text.
        #expect(message.plainText == "Alla alkuperäinen viesti.")
        #expect(!message.htmlPresent)
        let attachments = message.attachments
        #expect(attachments.map(\.contentType) == ["message/rfc822"])
        #expect(attachments.first?.filename == nil)
        let enclosed = try Fixture.bytes("forwarded-message.eml")
        let start = try #require(enclosed.firstRange(of: Array("From: Myynti".utf8))?.lowerBound)
        let end = try #require(enclosed.firstRange(of: Array("--b2--\n".utf8))?.upperBound)
        #expect(attachments.first?.data == Array(enclosed[start..<end]))
        #expect(attachments.first?.text == """
            Subject: Vahvistus
            From: Myynti <myynti@operaattori.example>
            To: liisa@example.fi

            Tilausvahvistus.
            """)
    }

    @Test func missingClosingBoundaryKeepsTheLastPart() throws {
        let message = try Fixture.message("missing-closing-boundary.eml")
        #expect(message.defectKinds == [.missingClosingBoundary])
        #expect(message.plainText == "Ensimmäinen osa.\nToinen osa, jonka loppu puuttuu.\n")
    }

    /// Python's test_email msg_37: delimiter lines in a row hold no parts between them.
    @Test func nothingBetweenTwoDelimitersIsNoPart() throws {
        let message = try parse("""
            Content-Type: multipart/mixed; boundary=ABCDE

            --ABCDE
            Content-Type: text/x-one

            Blah

            --ABCDE
            --ABCDE
            Content-Type: text/plain

            Blah

            --ABCDE
            --ABCDE
            --ABCDE--
            """)
        guard case .multipart(let parts) = message.body.content else {
            Issue.record("expected a multipart")
            return
        }
        #expect(parts.map(\.contentType) == ["text/x-one", "text/plain"])
        #expect(message.plainText == "Blah\n")
    }

    /// Python's test_email msg_42: a forwarded multipart that holds only its close delimiter.
    @Test func aMultipartWithNoPartIsADefect() throws {
        let message = try parse("""
            Content-Type: multipart/mixed; boundary="AAA"
            From: Mail Delivery Subsystem <xxx@example.com>

            --AAA

            Stuff

            --AAA
            Content-Type: message/rfc822

            From: webmaster@python.org
            Content-Type: multipart/mixed; boundary="BBB"

            --BBB--

            --AAA--
            """)
        #expect(message.defectKinds == [.startBoundaryNotFound])
        #expect(message.plainText == "Stuff\n")
        #expect(message.attachments.map(\.contentType) == ["message/rfc822"])
    }

    @Test func innerMultipartWithoutCloseEndsAtTheOuterBoundary() throws {
        let message = try parse("""
            Content-Type: multipart/mixed; boundary=x

            --x
            Content-Type: multipart/alternative; boundary=y

            --y

            inner
            --x

            outer2
            --x--
            """)
        #expect(message.plainText == "inner\nouter2")
        #expect(message.defectKinds == [.missingClosingBoundary])
    }

    @Test func boundaryLinesWithTrailingBlanksAndLookalikes() throws {
        let message = try parse(
            "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b \t\n\none\n--bb\nstill one\n--b--  \nepilogue\n")
        #expect(message.plainText == "one\n--bb\nstill one")
        #expect(message.defects.isEmpty)
    }

    @Test func multipartWithoutBoundaryOrDelimiters() throws {
        let noParameter = try parse("Content-Type: multipart/mixed\n\n--x\n\nhi\n--x--\n")
        #expect(noParameter.defectKinds == [.missingBoundaryParameter])
        guard case .binary(let bytes) = noParameter.body.content else {
            Issue.record("expected the body kept as bytes")
            return
        }
        #expect(bytes.count == 14)

        let noDelimiter = try parse("Content-Type: multipart/mixed; boundary=x\n\njust text\n")
        #expect(noDelimiter.defectKinds == [.startBoundaryNotFound])
    }

    @Test func partsWithoutHeadersAreTextPlain() throws {
        let message = try parse("Content-Type: multipart/mixed; boundary=x\n\n--x\n\nno headers\n--x--\n")
        #expect(message.plainText == "no headers")
    }

    @Test func digestPartsDefaultToMessages() throws {
        let message = try parse("""
            Content-Type: multipart/digest; boundary=d

            --d

            Subject: first

            one
            --d--
            """)
        guard case .multipart(let parts) = message.body.content, case .message(let inner) = parts.first?.content
        else {
            Issue.record("expected a digest of messages")
            return
        }
        #expect(inner.subject == "first")
        #expect(message.plainText == "")
        #expect(message.attachments.map(\.contentType) == ["message/rfc822"])
        #expect(message.attachments.map(\.text) == ["Subject: first\n\none"])
    }

    @Test func attachmentRules() throws {
        let message = try parse("""
            Content-Type: multipart/mixed; boundary=m

            --m
            Content-Type: text/plain

            body
            --m
            Content-Type: text/plain
            Content-Disposition: attachment

            attached text
            --m
            Content-Type: text/html; name=page.html

            <p>named html</p>
            --m
            Content-Type: text/html
            Content-Disposition: inline

            <p>inline html</p>
            --m--
            """)
        #expect(message.plainText == "body")
        #expect(message.attachments.map(\.filename) == [nil, "page.html"])
        #expect(message.attachments.map(\.text) == ["attached text", "<p>named html</p>"])
        #expect(message.htmlPresent)
        #expect(message.htmlText.contains("inline html"))
        #expect(!message.htmlText.contains("named html"))
    }

    @Test func textNormalisation() throws {
        let message = try parse(
            "Content-Type: text/plain; charset=utf-8\n\nline one  \r\nline two\t\rline thr\u{65}\u{301}\n")
        #expect(message.plainText == "line one\nline two\nline thr\u{E9}\n")
    }

    @Test func nestingBeyondTheLimitIsKeptUnparsedWithADefect() throws {
        var body = "innermost\n"
        for level in 0..<500 {
            body = "Content-Type: multipart/mixed; boundary=\"n\(level)\"\n\n--n\(level)\n" + body + "\n--n\(level)--\n"
        }
        let kept = try parse("From: a@example.fi\nSubject: deep\n" + body)
        #expect(kept.subject == "deep")
        #expect(kept.from.map(\.address) == ["a@example.fi"])
        #expect(kept.defects.filter { $0.kind == .nestingTooDeep }.count == 1)
        #expect(kept.plainText.isEmpty)
        let generous = ParseLimits(maxMessageBytes: 1 << 26, maxNestingDepth: 1000, maxHeaderLineBytes: 1 << 20,
                                   maxParts: 10_000)
        let message = try parse("Subject: deep\n" + body, limits: generous)
        #expect(message.plainText == "innermost\n")
    }

    /// The deepest tree the default limits allow parses, walks and is freed on a 512 KiB stack. (The
    /// parser itself is iterative; freeing a tree of values recurses, which the depth limit bounds.)
    @Test func deepestAllowedTreeIsSafeOnASmallStack() async throws {
        var body = "innermost\n"
        let levels = ParseLimits.default.maxNestingDepth / 2
        for level in 0..<levels {
            body = "Content-Type: message/rfc822\n\nContent-Type: multipart/mixed; boundary=\"n\(level)\"\n\n--n\(level)\n"
                + body + "\n--n\(level)--\n"
        }
        let bytes = Array(body.utf8)
        let texts: [String?] = await withCheckedContinuation { continuation in
            let thread = Thread {
                let message = try? MessageParser.parse(bytes)
                continuation.resume(returning: [message?.plainText, message?.attachments.first?.text])
            }
            thread.stackSize = 512 << 10
            thread.start()
        }
        // The innermost text is the attached message's, read through every level.
        #expect(texts == ["", "innermost"])
    }

    @Test func otherLimits() throws {
        let small = ParseLimits(maxMessageBytes: 100, maxNestingDepth: 5, maxHeaderLineBytes: 1000, maxParts: 3)
        #expect(throws: LimitExceeded(.messageSize, allowed: 100, found: 101)) {
            try MessageParser.parse([UInt8](repeating: 0x41, count: 101), limits: small)
        }
        let manyParts = "Content-Type: multipart/mixed; boundary=p\n\n--p\n\na\n--p\n\nb\n--p\n\nc\n--p\n\nd\n--p--\n"
        let roomy = ParseLimits(maxMessageBytes: 1000, maxNestingDepth: 5, maxHeaderLineBytes: 1000, maxParts: 3)
        do {
            _ = try parse(manyParts, limits: roomy)
            Issue.record("expected LimitExceeded")
        } catch {
            #expect(error.limit == .partCount)
        }
    }

    @Test func emptyAndTinyInputs() throws {
        for input in ["", "\n", "\r\n\r\n", "Subject", ":", "--", "\0"] {
            let message = try parse(input)
            #expect(message.body.contentType == "text/plain")
        }
    }
}

extension Array {
    fileprivate func last(_ count: Int) -> [Element] {
        Array(suffix(count))
    }
}
