import Foundation
import Testing
@testable import Extract

@Suite struct PDFTextTests {
    @Test func aPDFsTextLayerIsReadWithItsContentWords() throws {
        let result = ToolFixtures.extractor.extract(try ToolFixtures.file("lasku.pdf", type: "application/pdf"))
        let text = try #require(result.text)
        let recall = ToolFixtures.recall(of: try ToolFixtures.source("lasku-sivu1.txt", "lasku-sivu2.txt"), in: text)
        #expect(recall >= 0.95, "recall \(recall)")
        #expect(result.source == .pdf)
        #expect(result.problems.isEmpty)
        #expect(result.pendingOCR.isEmpty)
    }

    @Test func aScannedPDFsPagesGoToOCR() throws {
        let result = ToolFixtures.extractor.extract(try ToolFixtures.file("skannattu-sopimus.pdf"))
        #expect(result.text == nil)
        #expect(result.problems.isEmpty)
        #expect(result.pendingOCR == [OCRTarget(steps: [.pdfPage(1)], label: "skannattu-sopimus.pdf, page 1")])
    }

    @Test func pagesPastTheLimitAreNotRead() throws {
        let extractor = AttachmentExtractor(limits: ToolFixtures.limits(pages: 1))
        let result = extractor.extract(try ToolFixtures.file("lasku.pdf"))
        let words = WordRecall.words(try #require(result.text))
        #expect(words.contains("laskutusvirhe"))
        #expect(!words.contains("laajakaistan"))
        #expect(result.problems == [ExtractionProblem(.overLimit, location: "lasku.pdf", detail: "2 pages; only the first 1 are read")])
    }

    @Test func aPDFOfTenThousandPagesIsReadUpToTheLimit() throws {
        let file = AttachmentFile(filename: "kymmenentuhatta.pdf", contentType: "application/pdf", bytes: Self.pdf(pages: 10_000, saying: "Laskutusvirhe"))
        let result = AttachmentExtractor(limits: ToolFixtures.limits(pages: 20)).extract(file)
        #expect(result.problems.map(\.reason) == [.overLimit])
        #expect(result.problems.first?.detail == "10000 pages; only the first 20 are read")
        let text = try #require(result.text)
        #expect(text.components(separatedBy: "Laskutusvirhe").count - 1 == 20)
    }

    @Test func textPastTheOutputLimitIsCut() throws {
        let result = AttachmentExtractor(limits: ToolFixtures.limits(textBytes: 200)).extract(try ToolFixtures.file("lasku.pdf"))
        #expect(result.problems.map(\.reason) == [.outputTooLarge])
        let text = try #require(result.text)
        #expect(text.hasPrefix("Hyvä asiakaspalvelu"))
        #expect(text.utf8.count <= 200)
        #expect(result.pendingOCR.isEmpty)
    }

    @Test(arguments: [
        ("truncated.pdf", ExtractionProblem.Reason.malformed, "Couldn't"),
        ("truncated-header-only.pdf", .malformed, "Couldn't"),
        ("page-count-10000.pdf", .malformed, "Page count (10000) larger than number of objects"),
        ("malformed-xref.pdf", .malformed, "poppler cannot open the PDF"),
        ("encrypted.pdf", .encrypted, "the PDF needs a password"),
        ("huge-page.pdf", .overLimit, "page 1 is 1036800 × 1036800 points"),
    ])
    func aHostilePDFIsAProblemWithItsReason(name: String, reason: ExtractionProblem.Reason, detail: String) throws {
        let result = ToolFixtures.extractor.extract(try ToolFixtures.file("hostile/" + name))
        #expect(result.text == nil)
        #expect(result.pendingOCR.isEmpty)
        #expect(result.problems.map(\.reason) == [reason])
        #expect(result.problems.first?.location.hasPrefix(name) == true)
        #expect(result.problems.first?.detail.contains(detail) == true, "\(result.problems)")
    }

    /// A PDF of `pages` pages that share one content stream and font.
    static func pdf(pages: Int, saying word: String) -> [UInt8] {
        let content = "BT /F1 24 Tf 72 720 Td (\(word)) Tj ET"
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [\((0..<pages).map { "\($0 + 5) 0 R" }.joined(separator: " "))] /Count \(pages) /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        ]
        objects += Array(repeating: "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>", count: pages)
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        out += offsets.map { String(repeating: "0", count: 10 - String($0).count) + "\($0) 00000 n \n" }.joined()
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }
}
