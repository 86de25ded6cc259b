import Foundation
import Testing
@testable import Extract

@Suite struct TNEFTextTests {
    @Test func aWinmailDatsBodyAndAttachmentsAreRead() throws {
        let result = ToolFixtures.extractor.extract(try ToolFixtures.file("winmail.dat", type: "application/ms-tnef"))
        let text = try #require(result.text)
        let source = try ToolFixtures.source("winmail-body.txt", "winmail-liite.txt", "lasku-sivu1.txt", "lasku-sivu2.txt")
        let recall = ToolFixtures.recall(of: source, in: text)
        #expect(recall >= 0.95, "recall \(recall)")
        #expect(result.source == .tnef)
        #expect(result.problems.isEmpty)
        // The attachments are named where their text begins.
        #expect(text.contains("aikajana.txt\nKatkoksen aikajana"))
        #expect(text.contains("lasku.pdf\nHyvä asiakaspalvelu"))
    }

    @Test func anAttachmentIsFoundAgainByItsPosition() throws {
        let file = try ToolFixtures.file("winmail.dat")
        let reader = TNEFText(extractor: ToolFixtures.extractor, depth: 0)
        let pdf = try #require(reader.nested(at: .tnefAttachment(1), in: file))
        #expect(pdf.filename == "lasku.pdf")
        #expect(pdf.bytes == (try ToolFixtures.file("lasku.pdf")).bytes)
        #expect(reader.nested(at: .tnefAttachment(3), in: file) == nil)
        #expect(reader.nested(at: .pdfPage(1), in: file) == nil)
    }

    @Test func aTruncatedWinmailDatGivesWhatWasReadAndAProblem() throws {
        let result = ToolFixtures.extractor.extract(try ToolFixtures.file("hostile/truncated-winmail.dat"))
        // The first attachment lies before the cut (tnef saves the body only after the whole stream).
        let text = try #require(result.text)
        #expect(ToolFixtures.recall(of: try ToolFixtures.source("winmail-liite.txt"), in: text) >= 0.95)
        #expect(result.problems.map(\.reason) == [.malformed])
        #expect(result.problems.first?.detail.hasPrefix("not a readable TNEF stream (tnef exited with status 1") == true, "\(result.problems)")
    }

    @Test func aCorruptedWinmailDatIsAProblem() throws {
        let result = ToolFixtures.extractor.extract(try ToolFixtures.file("hostile/corrupted-winmail.dat"))
        #expect(result.text == nil)
        #expect(result.problems.map(\.reason) == [.malformed])
        #expect(result.problems.first?.location == "corrupted-winmail.dat")
    }

    @Test func containersInsideTheLimitOnly() throws {
        let file = try ToolFixtures.file("winmail.dat")
        var limits = ExtractionLimits.default
        limits.maxNestingDepth = 0
        let result = AttachmentExtractor(limits: limits).extract(file)
        // The body and the plain-text attachment are read; the PDFs are one level too deep.
        let text = try #require(result.text)
        #expect(ToolFixtures.recall(of: try ToolFixtures.source("winmail-body.txt", "winmail-liite.txt"), in: text) >= 0.95)
        #expect(result.problems.map(\.reason) == [.nestingTooDeep, .nestingTooDeep])
        #expect(result.problems.map(\.location) == ["winmail.dat › lasku.pdf", "winmail.dat › skannattu-sopimus.pdf"])
    }
}
