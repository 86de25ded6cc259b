import Foundation
import Testing
@testable import Extract

/// Real tesseract (Finnish, Swedish, English) on real images: a 200-dpi screenshot, a scanned PDF
/// page, and a scanned PDF inside a winmail.dat.
@Suite struct RecognitionTests {
    /// The recall of `source`'s content words in what OCR gives for `file`'s only target.
    func recall(of source: String, recognising name: String, target expected: OCRTarget) throws -> Double {
        let file = try ToolFixtures.file(name)
        let targets = ToolFixtures.extractor.extract(file).pendingOCR
        #expect(targets == [expected])
        let result = ToolFixtures.extractor.recognise(expected, in: file)
        guard case .text(let text) = result else {
            Issue.record("no text from \(expected.label): \(result)")
            return 0
        }
        return ToolFixtures.recall(of: try ToolFixtures.source(source), in: text)
    }

    @Test func aScreenshotsFinnishTextIsRecognised() throws {
        let recall = try recall(of: "kuvakaappaus.txt", recognising: "kuvakaappaus.png", target: OCRTarget(steps: [], label: "kuvakaappaus.png"))
        #expect(recall >= 0.80, "recall \(recall)")
    }

    @Test func aScannedPDFPageIsRenderedAndRecognised() throws {
        let target = OCRTarget(steps: [.pdfPage(1)], label: "skannattu-sopimus.pdf, page 1")
        let recall = try recall(of: "skannattu-sopimus.txt", recognising: "skannattu-sopimus.pdf", target: target)
        #expect(recall >= 0.80, "recall \(recall)")
    }

    @Test func theStepsLeadThroughAWinmailDatToItsScannedPage() throws {
        let target = OCRTarget(steps: [.tnefAttachment(2), .pdfPage(1)], label: "winmail.dat › skannattu-sopimus.pdf, page 1")
        let recall = try recall(of: "skannattu-sopimus.txt", recognising: "winmail.dat", target: target)
        #expect(recall >= 0.80, "recall \(recall)")
    }

    @Test func aStepToNothingIsAProblem() throws {
        let file = try ToolFixtures.file("winmail.dat")
        let target = OCRTarget(steps: [.tnefAttachment(9)], label: "winmail.dat › kuva.png")
        #expect(ToolFixtures.extractor.recognise(target, in: file) == .failed(ExtractionProblem(
            .malformed, location: "winmail.dat › kuva.png", detail: "attachment 10 of the winmail.dat is no longer in winmail.dat")))
    }

    @Test func anImageOverThePixelLimitIsNotRecognised() throws {
        let file = try ToolFixtures.file("kuvakaappaus.png")
        let result = AttachmentExtractor(limits: ToolFixtures.limits(pixels: 10_000)).recognise(OCRTarget(steps: [], label: "kuvakaappaus.png"), in: file)
        guard case .failed(let problem) = result else {
            Issue.record("expected a problem, got \(result)")
            return
        }
        #expect(problem.reason == .overLimit)
        #expect(problem.detail == "1260 × 788 pixels is over the limit of 10000 pixels")
    }

    @Test func aPageTooLargeToRenderIsNotRendered() throws {
        let file = try ToolFixtures.file("hostile/huge-page.pdf")
        let result = ToolFixtures.extractor.recognise(OCRTarget(steps: [.pdfPage(1)], label: "huge-page.pdf, page 1"), in: file)
        guard case .failed(let problem) = result else {
            Issue.record("expected a problem, got \(result)")
            return
        }
        #expect(problem.reason == .overLimit)
    }

    @Test func anImageWhosePixelsAreCutFailsWithoutHarm() throws {
        let file = try ToolFixtures.file("hostile/truncated-pixels.png")
        let target = try #require(ToolFixtures.extractor.extract(file).pendingOCR.first)
        let result = ToolFixtures.extractor.recognise(target, in: file)
        #expect(result == .failed(ExtractionProblem(
            .failed, location: "truncated-pixels.png", detail: "tesseract exited with status 1: libpng error: Read Error")))
    }
}
