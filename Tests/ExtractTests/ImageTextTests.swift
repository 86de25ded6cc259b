import Foundation
import Testing
@testable import Extract

@Suite struct ImageTextTests {
    @Test func anImageIsOneOCRTargetReadLater() throws {
        let result = ToolFixtures.extractor.extract(try ToolFixtures.file("kuvakaappaus.png"))
        #expect(result.text == nil)
        #expect(result.problems.isEmpty)
        #expect(result.pendingOCR == [OCRTarget(steps: [], label: "kuvakaappaus.png")])
    }

    @Test(arguments: [
        ("kuvakaappaus.png", AttachmentFormat.ImageKind.png, 1260, 788),
        ("images/kuvakaappaus.gif", .gif, 794, 1123),
        ("images/kuvakaappaus.jpg", .jpeg, 794, 1123),
        ("images/kuvakaappaus.tiff", .tiff, 794, 1123),
        ("images/kuvakaappaus.webp", .webp, 794, 1123),
    ])
    func theSizeComesFromTheHeader(name: String, kind: AttachmentFormat.ImageKind, width: Int, height: Int) throws {
        let file = try ToolFixtures.file(name)
        #expect(AttachmentFormat.detect(file) == .image(kind))
        #expect(ImageSize(of: file.bytes, kind: kind) == ImageSize(width: width, height: height))
    }

    @Test func aBMPsSizeComesFromItsInfoHeader() {
        // BITMAPFILEHEADER (14 bytes), then BITMAPINFOHEADER: size 40, width 3, height -2 (top-down).
        var bmp: [UInt8] = Array("BM".utf8) + [0, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0]
        bmp += [40, 0, 0, 0, 3, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF, 1, 0, 24, 0] + Array(repeating: 0, count: 24 + 24)
        #expect(ImageSize(of: bmp, kind: .bmp) == ImageSize(width: 3, height: 2))
    }

    @Test func aTinyImageHoldsNoText() {
        var bmp: [UInt8] = Array("BM".utf8) + [0, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0]
        bmp += [40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 24, 0] + Array(repeating: 0, count: 28)
        let result = ToolFixtures.extractor.extract(AttachmentFile(filename: "pikseli.bmp", contentType: "image/bmp", bytes: bmp))
        #expect(result.pendingOCR.isEmpty)
        #expect(result.problems.isEmpty)
    }

    @Test(arguments: [
        ("png-50000x50000.png", ExtractionProblem.Reason.overLimit, "50000 × 50000 pixels is over the limit"),
        ("jpeg-absurd-sof.jpg", .overLimit, "65535 × 65535 pixels"),
        ("webp-16384x16384.webp", .overLimit, "16384 × 16384 pixels"),
        ("truncated.png", .malformed, "the PNG header gives no image size"),
        ("png-signature-only.png", .malformed, "the PNG header gives no image size"),
        ("tiff-directory-past-end.tiff", .malformed, "the TIFF header gives no image size"),
        ("gif-zero-size.gif", .malformed, "the GIF header gives no image size"),
    ])
    func aHostileImageIsAProblemWithItsReason(name: String, reason: ExtractionProblem.Reason, detail: String) throws {
        let result = ToolFixtures.extractor.extract(try ToolFixtures.file("hostile/" + name))
        #expect(result.pendingOCR.isEmpty)
        #expect(result.problems.map(\.reason) == [reason])
        #expect(result.problems.first?.detail.contains(detail) == true, "\(result.problems)")
    }
}
