import Testing

@testable import MIME

@Suite("Header block")
struct HeaderTests {
    @Test func unfoldsContinuationLinesKeepingTheirWhiteSpace() throws {
        let message = try parse("Subject: first\n  second\n\tthird\nX-Empty:\n\nbody\n")
        #expect(message.headers.first("subject")?.rawValue == "first  second\tthird")
        #expect(message.subject == "first  second\tthird")
        #expect(message.headers.first("X-EMPTY")?.rawValue == "")
    }

    @Test func keepsDuplicatesInOrderAndTheFirstWins() throws {
        let message = try parse("Received: one\nSubject: A\nReceived: two\nSubject: B\n\nx")
        #expect(message.headers.all("received").map(\.rawValue) == ["one", "two"])
        #expect(message.subject == "A")
        #expect(message.headers.fields.map(\.name) == ["Received", "Subject", "Received", "Subject"])
    }

    @Test func acceptsCRLFAndRecordsMixedLineEndings() throws {
        let crlf = try parse("Subject: a\r\n b\r\nFrom: x@y.z\r\n\r\nbody\r\n")
        #expect(crlf.subject == "a b")
        #expect(crlf.from.map(\.address) == ["x@y.z"])
        #expect(crlf.defects.isEmpty)
        guard case .text(let text) = crlf.body.content else {
            Issue.record("expected text")
            return
        }
        #expect(text == "body\r\n")

        let mixed = try parse("Subject: a\r\nFrom: x@y.z\n\nbody")
        #expect(mixed.defectKinds.contains(.mixedLineEndings))
    }

    @Test func obsoleteWhiteSpaceBeforeTheColon() throws {
        let message = try parse("Subject : spaced\nTo\t: a@b.c\n\n")
        #expect(message.subject == "spaced")
        #expect(message.to.map(\.address) == ["a@b.c"])
    }

    @Test func aLineThatIsNoFieldStartsTheBody() throws {
        let message = try parse("Subject: s\nThis is not a header\nmore\n")
        #expect(message.subject == "s")
        #expect(message.defectKinds.contains(.missingHeaderBodySeparator))
        #expect(message.plainText == "This is not a header\nmore\n")
    }

    @Test func skipsAnMboxEnvelopeLine() throws {
        let message = try parse("From someone@example.com Mon Jan  1 00:00:00 2024\nSubject: s\n\nb")
        #expect(message.subject == "s")
        #expect(message.headers.fields.count == 1)
        #expect(message.defects.isEmpty)
    }

    @Test func undeclaredEightBitIsUTF8OrWindows1252() throws {
        let utf8 = try MessageParser.parse(Array("Subject: Hyvä päivä\n\n".utf8))
        #expect(utf8.subject == "Hyvä päivä")
        #expect(!utf8.defectKinds.contains(.undeclared8BitHeader))

        let latin: [UInt8] = Array("Subject: Hyv".utf8) + [0xE4, 0x20, 0x80] + Array("\n\n".utf8)
        let message = try MessageParser.parse(latin)
        #expect(message.subject == "Hyvä €")
        #expect(message.defectKinds.contains(.undeclared8BitHeader))
    }

    @Test func headerOnlyMessageHasAnEmptyBody() throws {
        let message = try parse("Subject: only\n\n")
        #expect(message.defectKinds.contains(.emptyBody))
        #expect(message.plainText == "")
    }

    @Test func longHeaderLinesWithinTheLimitParseAndBeyondItThrow() throws {
        let long = "X-Long: " + String(repeating: "x", count: 100_000) + "\nSubject: after\n\nbody"
        #expect(try parse(long).subject == "after")
        let limits = ParseLimits(maxMessageBytes: 1 << 20, maxNestingDepth: 10, maxHeaderLineBytes: 1000, maxParts: 10)
        #expect(throws: LimitExceeded.self) { try parse(long, limits: limits) }
        do {
            _ = try parse(long, limits: limits)
        } catch {
            #expect(error.limit == .headerLineLength)
            #expect(error.found > 1000)
        }
    }

    @Test func messageIdentifiers() throws {
        let message = try parse(
            "Message-ID: <a.b@c> (comment)\nIn-Reply-To: \"quoted <x@y>\" <first@x> <second@y>\n"
                + "References: <r1@x>\n <r 2@y>,<r3@z>\n\n")
        #expect(message.messageID == "a.b@c")
        #expect(message.inReplyTo == "first@x")
        #expect(message.references == ["r1@x", "r2@y", "r3@z"])
        let bare = try parse("Message-ID: bare@id\n\n")
        #expect(bare.messageID == "bare@id")
    }
}
