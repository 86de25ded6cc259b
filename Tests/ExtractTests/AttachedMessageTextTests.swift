import Testing
@testable import Extract

@Suite struct AttachedMessageTextTests {
    let extractor = ExtractFixtures.extractor

    @Test func aForwardGivesItsTextAndTheDocumentsOfTheMessageInside() throws {
        let result = try ExtractFixtures.expectReads("valitetty.eml", contentType: "message/rfc822", as: .message, words: ["saate.txt", "asiakaskirje.txt"])
        let text = try #require(result.text)
        #expect(text.hasPrefix("Subject: VL: Reklamaatio: marraskuun lasku"))
        #expect(text.contains("Subject: Reklamaatio: marraskuun lasku"))
        #expect(text.contains("reklamaatio.docx\nLakeuden Energia Oy"))
    }

    @Test func nestedFollowsMessageAttachmentSteps() throws {
        let file = try ExtractFixtures.file("valitetty.eml", contentType: "message/rfc822")
        let reader = AttachedMessageText(extractor: extractor, depth: 0)
        let inner = try #require(reader.nested(at: .messageAttachment(0), in: file))
        #expect(inner.contentType == "message/rfc822")
        let docx = try #require(reader.nested(at: .messageAttachment(0), in: inner))
        #expect(docx.filename == "reklamaatio.docx")
        #expect(docx.bytes == (try ExtractFixtures.bytes("asiakaskirje.docx")))
        #expect(reader.nested(at: .messageAttachment(5), in: file) == nil)
        #expect(reader.nested(at: .archiveEntry("x"), in: file) == nil)
    }

    @Test func aMessageNested200DeepIsReadToTheLimitAndReported() throws {
        let result = extractor.extract(try ExtractFixtures.file("hostile/message-nested-200.eml", contentType: "message/rfc822"))
        #expect(result.text?.hasPrefix("Subject: taso 199") == true)
        #expect(result.problems.contains { $0.reason == .nestingTooDeep })
    }
}
