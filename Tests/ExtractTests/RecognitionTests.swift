import Foundation
import Testing
@testable import Extract

/// Real tesseract (Finnish, Swedish, English) on real images: a 200-dpi screenshot, a scanned PDF
/// page, and a scanned PDF inside a winmail.dat.
@Suite struct RecognitionTests {
    @Test func aScreenshotsFinnishTextIsRecognised() throws {
        let file = try ToolFixtures.file("kuvakaappaus.png", type: "image/png")
        let target = try #require(ToolFixtures.extractor.extract(file).pendingOCR.first)
        guard case .text(let text) = ToolFixtures.extractor.recognise(target, in: file) else {
            Issue.record("no text from \(target.label)")
            return
        }
        let recall = ToolFixtures.recall(of: try ToolFixtures.source("kuvakaappaus.txt"), in: text)
        #expect(recall >= 0.80, "recall \(recall): \(text)")
    }

    @Test func aScannedPDFPageIsRenderedAndRecognised() throws {
        let file = try ToolFixtures.file("skannattu-sopimus.pdf", type: "application/pdf")
        let target = try #require(ToolFixtures.extractor.extract(file).pendingOCR.first)
        guard case .text(let text) = ToolFixtures.extractor.recognise(target, in: file) else {
            Issue.record("no text from \(target.label)")
            return
        }
        let recall = ToolFixtures.recall(of: try ToolFixtures.source("skannattu-sopimus.txt"), in: text)
        #expect(recall >= 0.80, "recall \(recall): \(text)")
    }

    @Test func theStepsLeadThroughAWinmailDatToItsScannedPage() throws {
        let file = try ToolFixtures.file("winmail.dat", type: "application/ms-tnef")
        let targets = ToolFixtures.extractor.extract(file).pendingOCR
        #expect(targets == [OCRTarget(steps: [.tnefAttachment(2), .pdfPage(1)], label: "winmail.dat › skannattu-sopimus.pdf, page 1")])
        let target = try #require(targets.first)
        guard case .text(let text) = ToolFixtures.extractor.recognise(target, in: file) else {
            Issue.record("no text from \(target.label)")
            return
        }
        #expect(ToolFixtures.recall(of: try ToolFixtures.source("skannattu-sopimus.txt"), in: text) >= 0.80)
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
        switch result {
        case .failed(let problem): #expect([.failed, .crashed, .malformed].contains(problem.reason))
        case .text(let text): #expect(ToolFixtures.recall(of: try ToolFixtures.source("kuvakaappaus.txt"), in: text) < 0.5)
        }
    }
}
