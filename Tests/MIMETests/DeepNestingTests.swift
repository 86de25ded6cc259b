import Foundation
import Testing

@testable import MIME

/// Every part of MIME that follows nesting in its input (multiparts, enclosed messages, HTML
/// elements) is iterative or bounded by ``ParseLimits/maxNestingDepth``: 100,000 levels parse on a
/// small stack, the message is kept with a defect, and the text outside the nesting is read.
@Suite struct DeepNestingTests {
    static let levels = 100_000

    /// `levels` levels of `open(level)` around `innermost`, closed by `close(level)`.
    static func nested(_ levels: Int, open: (Int) -> String, innermost: String, close: (Int) -> String) -> [UInt8] {
        var bytes: [UInt8] = []
        for level in 0..<levels { bytes += open(level).utf8 }
        bytes += innermost.utf8
        for level in (0..<levels).reversed() { bytes += close(level).utf8 }
        return bytes
    }

    /// Runs `body` on a thread with a 512 KiB stack, where deep recursion would crash the test run.
    static func onSmallStack<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.stackSize = 512 << 10
            thread.start()
        }
    }

    struct Parsed: Sendable {
        var subject: String?
        var defects: [Defect.Kind]
        var plainText: String
        var htmlText: String
        /// The text of the message's attachments (an attached message's reaches through its nesting).
        var attachmentTexts: [String?]
        var failure: String?
    }

    static func parseOnSmallStack(_ bytes: [UInt8]) async -> Parsed {
        await onSmallStack {
            do {
                let message = try MessageParser.parse(bytes)
                return Parsed(subject: message.subject, defects: message.defects.map(\.kind), plainText: message.plainText,
                              htmlText: message.htmlText, attachmentTexts: message.attachments.map(\.text), failure: nil)
            } catch {
                return Parsed(subject: nil, defects: [], plainText: "", htmlText: "", attachmentTexts: [], failure: "\(error)")
            }
        }
    }

    @Test func hundredThousandNestedMultiparts() async throws {
        let body = Self.nested(
            Self.levels,
            open: { "Content-Type: multipart/mixed; boundary=\"b\($0)x\"\n\n--b\($0)x\n" },
            innermost: "innermost\n",
            close: { "\n--b\($0)x--\n" })
        let parsed = await Self.parseOnSmallStack(Array("From: a@example.fi\nSubject: deep\n".utf8) + body)
        #expect(parsed.failure == nil)
        #expect(parsed.subject == "deep")
        #expect(parsed.defects.filter { $0 == .nestingTooDeep }.count == 1)
    }

    @Test func hundredThousandNestedMessages() async throws {
        let body = Self.nested(
            Self.levels, open: { "Subject: level \($0)\nContent-Type: message/rfc822\n\n" }, innermost: "Subject: inner\n\ninnermost\n",
            close: { _ in "" })
        let parsed = await Self.parseOnSmallStack(Array("From: a@example.fi\n".utf8) + body)
        #expect(parsed.failure == nil)
        #expect(parsed.subject == "level 0")
        #expect(parsed.defects.filter { $0 == .nestingTooDeep }.count == 1)
        // The attached message's text is read through every parsed level, on the small stack too.
        let text = try #require(parsed.attachmentTexts.first ?? nil)
        #expect(text.hasPrefix("Subject: level 1\n\nSubject: level 2"))
        #expect(text.contains("Subject: level \(ParseLimits.default.maxNestingDepth - 1)"))
    }

    @Test func hundredThousandNestedMessagesAndMultipartsAlternating() async throws {
        let body = Self.nested(
            Self.levels / 2,
            open: { "Content-Type: message/rfc822\n\nContent-Type: multipart/mixed; boundary=\"b\($0)x\"\n\n--b\($0)x\n" },
            innermost: "innermost\n",
            close: { "\n--b\($0)x--\n" })
        let parsed = await Self.parseOnSmallStack(Array("Subject: deep\nContent-Type: multipart/mixed; boundary=top\n\n--top\n\nfirst part\n--top\n".utf8) + body + Array("\n--top--\n".utf8))
        #expect(parsed.failure == nil)
        #expect(parsed.subject == "deep")
        #expect(parsed.plainText.contains("first part"))
        #expect(parsed.defects.filter { $0 == .nestingTooDeep }.count == 1)
    }

    @Test func hundredThousandNestedCommentsInHeaders() async throws {
        let comment = String(repeating: "(", count: Self.levels) + "huom" + String(repeating: ")", count: Self.levels)
        let headers = "From: Maija <maija@example.fi> \(comment)\nDate: Mon, 6 Jan 2025 10:00:00 +0200 \(comment)\n"
            + "Subject: comments\nContent-Type: text/plain; \(comment) charset=utf-8\n\nteksti\n"
        let parsed = await Self.onSmallStack { () -> String? in
            guard let message = try? MessageParser.parse(Array(headers.utf8)) else { return nil }
            return (message.from.map(\.address) + [message.plainText]).joined(separator: " ")
        }
        #expect(parsed == "maija@example.fi teksti\n")
    }

    @Test func hundredThousandNestedElementsInAnHTMLPart() async throws {
        let html = Self.nested(Self.levels, open: { $0 % 100 == 0 ? "<blockquote><ul><li>" : "<div>" }, innermost: "sisin teksti",
                               close: { $0 % 100 == 0 ? "</li></ul></blockquote>" : "</div>" })
        let message = Array("Subject: html\nContent-Type: text/html; charset=utf-8\n\n".utf8) + html
        let parsed = await Self.parseOnSmallStack(message)
        #expect(parsed.failure == nil)
        #expect(parsed.htmlText.contains("sisin teksti"))
        let unclosed = String(repeating: "<div><p>", count: Self.levels) + "loppu"
        let text = await Self.onSmallStack { HTMLText.render(unclosed) }
        #expect(text == "loppu")
    }
}
