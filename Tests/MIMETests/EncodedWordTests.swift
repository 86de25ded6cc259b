import Testing

@testable import MIME

@Suite("RFC 2047 encoded words")
struct EncodedWordTests {
    private func decode(_ text: String) -> String {
        EncodedWords.decode(text).text
    }

    @Test func qAndBInAnyCharset() {
        #expect(decode("=?utf-8?q?J=C3=B6rg_x?=") == "Jörg x")
        #expect(decode("=?UTF-8?Q?J=c3=b6rg?=") == "Jörg")
        #expect(decode("=?utf-8?b?SsO2cmc=?=") == "Jörg")
        #expect(decode("=?utf-8?B?SsO2cmc?=") == "Jörg")  // padding missing
        #expect(decode("=?iso-8859-15?q?=A4uro?=") == "€uro")
        #expect(decode("=?windows-1252?q?=80_10?=") == "€ 10")
        #expect(decode("=?koi8-r?b?8NLJ18XU?=") == "Привет")
        #expect(decode("=?utf-8*fi?q?kieli?=") == "kieli")
    }

    @Test func adjacentWordsJoinButOtherWhiteSpaceStays() {
        #expect(decode("=?utf-8?q?a?= =?utf-8?q?b?=") == "ab")
        #expect(decode("=?utf-8?q?a?=\t  =?utf-8?q?b?=  tail") == "ab  tail")
        #expect(decode("head =?utf-8?q?a?= mid =?utf-8?q?b?=") == "head a mid b")
        #expect(decode("pre=?utf-8?q?J=C3=B6rg?=post") == "preJörgpost")
    }

    /// flufl.bounce's simple_39: a UTF-8 character split across two encoded words (RFC 2047 forbids
    /// it; senders do it). Adjacent words in one charset decode as one run, as Python joins them.
    @Test func aCharacterSplitAcrossAdjacentWordsIsWhole() {
        let split = EncodedWords.decode(
            "=?utf-8?b?0JLQsNGI0LUg0YHQvtC+0LHRidC10L3QuNC1INC90LUg0LTQvtGB0YLQsNCy0LvQ?=\r\n\t=?utf-8?b?tdC90L4uIE1haWwgZmFpbHVyZS4=?=")
        #expect(split.text == "Ваше сообщение не доставлено. Mail failure.")
        #expect(split.defects.isEmpty)
        #expect(decode("=?utf-8?q?=C3?= =?UTF-8?Q?=A4?=") == "ä")
        // Words in different charsets each decode on their own, still without the space between.
        #expect(decode("=?iso-8859-1?q?=E4?= =?utf-8?q?=C3=B6?=") == "äö")
        let broken = EncodedWords.decode("=?utf-8?q?=C3?= text =?utf-8?q?=A4?=")
        #expect(broken.text == "\u{FFFD} text \u{FFFD}")
        #expect(broken.defects.map(\.kind) == [.malformedEncodedWord, .malformedEncodedWord])
        #expect(AddressParser.parse("=?utf-8?q?J=C3?= =?utf-8?q?=B6rg?= <j@x.fi>").addresses
            == [MailAddress(name: "Jörg", address: "j@x.fi")])
    }

    @Test func malformedWordsStayAsTextWithADefect() {
        let badEncoding = EncodedWords.decode("=?utf-8?x?abc?= rest")
        #expect(badEncoding.text == "=?utf-8?x?abc?= rest")
        #expect(badEncoding.defects.map(\.kind) == [.malformedEncodedWord])

        let unterminated = EncodedWords.decode("=?utf-8?q?abc")
        #expect(unterminated.text == "=?utf-8?q?abc")
        #expect(unterminated.defects.map(\.kind) == [.malformedEncodedWord])

        #expect(decode("what =? is this") == "what =? is this")
        #expect(decode("=?utf-8?q?a=ZZb?=") == "a=ZZb")
    }

    @Test func unknownCharsetFallsBackAndIsReported() {
        let decoded = EncodedWords.decode("=?x-unknown?q?abc=E4?=")
        #expect(decoded.text == "abcä")
        #expect(decoded.defects.map(\.kind).contains(.unknownCharset))
    }

    @Test func manyFailedStartsStayLinear() {
        let hostile = String(repeating: "=?a?q?x", count: 20_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = decode(hostile) }
        #expect(elapsed < .seconds(2))
    }

    @Test func subjectsInMessages() throws {
        let message = try Fixture.message("latin1-quoted-printable.eml")
        #expect(message.subject == "Laskun eräpäivä ja hyvitys")
        #expect(message.from.first?.name == "Maija Mäkinen")
    }
}
