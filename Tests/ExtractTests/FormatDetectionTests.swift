import Testing
@testable import Extract

@Suite struct FormatDetectionTests {
    @Test func theContentsSignatureWinsOverADeclaredType() {
        let pdf = AttachmentFile(filename: "lasku.bin", contentType: "application/octet-stream", bytes: Array("%PDF-1.7\n".utf8))
        #expect(AttachmentFormat.detect(pdf) == .pdf)
        let png = AttachmentFile(filename: "kuva.pdf", contentType: "application/pdf", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])
        #expect(AttachmentFormat.detect(png) == .image(.png))
        let tnef = AttachmentFile(filename: "winmail.dat", contentType: "application/ms-tnef", bytes: [0x78, 0x9F, 0x3E, 0x22, 0, 0])
        #expect(AttachmentFormat.detect(tnef) == .tnef)
    }

    @Test func aZipIsAnOfficeFileByItsNameOrType() {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0, 0]
        #expect(AttachmentFormat.detect(AttachmentFile(filename: "Sopimus.DOCX", contentType: "application/octet-stream", bytes: zip)) == .officeOpenXML)
        #expect(AttachmentFormat.detect(AttachmentFile(filename: nil, contentType: "application/vnd.oasis.opendocument.text", bytes: zip)) == .openDocument)
        #expect(AttachmentFormat.detect(AttachmentFile(filename: "liitteet.zip", contentType: "application/zip", bytes: zip)) == .zip)
    }

    @Test func withoutASignatureTheTypeThenTheExtensionDecide() {
        #expect(AttachmentFormat.detect(AttachmentFile(filename: "x", contentType: "message/rfc822", bytes: Array("From: a@b.fi\r\n".utf8))) == .message)
        #expect(AttachmentFormat.detect(AttachmentFile(filename: "viesti.eml", contentType: "application/octet-stream", bytes: Array("From: a@b.fi\r\n".utf8))) == .message)
        #expect(AttachmentFormat.detect(AttachmentFile(filename: "data.bin", contentType: "application/octet-stream", bytes: [1, 2, 3])) == .other)
    }
}

@Suite struct ContainerTextLimitTests {
    @Test func filesInsideAContainerAddTextOnlyUpToTheLimit() {
        var container = AttachmentExtraction(text: "saate", source: .tnef)
        let inner = AttachmentExtraction(text: String(repeating: "lasku ", count: 10), source: .text)
        for index in 0..<5 {
            container.append(inner, named: "liite\(index).txt", at: .tnefAttachment(index), container: "winmail.dat", textLimit: 160)
        }
        let text = container.text ?? ""
        #expect(text.utf8.count <= 160)
        #expect(text.contains("liite1.txt") && !text.contains("liite2.txt"))
        #expect(container.problems.map(\.reason) == [.outputTooLarge], "said once, however many files were left out")
        #expect(container.problems.first?.location == "winmail.dat")
    }
}
