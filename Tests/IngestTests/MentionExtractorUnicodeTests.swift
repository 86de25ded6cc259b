import Archive
import Ingest
import Testing

/// Text that the extractor's byte-level fast paths must read as its `Character` rules do:
/// decomposed letters, combining marks and the rarer line ends.
@Suite struct MentionExtractorUnicodeTests {
    private let extractor: MentionExtractor

    init() throws {
        extractor = MentionExtractor(personalIDKey: try #require(PersonalIDKey(bytes: Array(repeating: 0x33, count: 32))))
    }

    private func body(_ text: String) -> [IdentifierMention] {
        extractor.mentions(inText: text, role: .body)
    }

    private func mention(_ kind: IdentifierKind, _ value: String, _ location: String, _ strength: LinkStrength) -> IdentifierMention {
        IdentifierMention(kind: kind, value: value, location: location, strength: strength)
    }

    @Test func aClosingWrittenWithDecomposedLettersStartsTheSignature() {
        let text = "Hei,\n\nNetti katkeilee iltaisin.\n\nVa\u{308}nliga ha\u{308}lsningar\nPekka\nAS-1234567"
        #expect(body(text) == [mention(.customerNumber, "AS-1234567", "signature", .exact)])
    }

    @Test func aSeparatorWrittenWithDecomposedLettersStartsTheQuote() {
        let text = "Katso alta.\n---------- Va\u{308}litetty viesti ---------\nAS-1234567"
        #expect(body(text) == [mention(.customerNumber, "AS-1234567", "quoted", .weak)])
    }

    @Test func aHeaderNameWrittenWithDecomposedLettersStartsTheHeaderBlock() {
        let text = "Katso alta.\n\nFra\u{30A}n: Matti\nTill: asiakaspalvelu\n\nAS-1234567"
        #expect(body(text) == [mention(.customerNumber, "AS-1234567", "quoted", .weak)])
    }

    @Test func lineAndParagraphSeparatorsAndNextLineEndLines() {
        #expect(body("Hei\u{2028}> AS-1234567\u{85}AS-7654321") == [
            mention(.customerNumber, "AS-1234567", "quoted", .weak),
            mention(.customerNumber, "AS-7654321", "body", .exact),
        ])
        #expect(body("Hei\u{2029}> AS-1234567\r\nAS-7654321").count == 2)
    }

    @Test func aCountryCodeWithACombiningMarkIsNoIBANSoItsDigitsMayBeAPhone() {
        #expect(body("Maksettu FI12 3456 0401 2345 67.").isEmpty)
        #expect(body("Maksettu FI\u{301}12 3456 0401 2345 67.") == [mention(.phone, "+358401234567", "body", .weak)])
    }

    @Test func aVATNumberEndingInACombiningMarkIsNone() {
        #expect(body("ALV-tunnus FI12345671") == [mention(.businessID, "1234567-1", "body", .exact)])
        #expect(body("ALV-tunnus FI12345671\u{301}").isEmpty)
    }
}
