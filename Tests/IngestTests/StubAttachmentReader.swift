import Extract
import Foundation
import Ingest
import Synchronization

/// An attachment reader that gives known results by file name, so that the paths around the
/// reader (import, queue, index, links) are tested whatever the installed tools read. Counts the
/// targets it recognises.
final class StubAttachmentReader: AttachmentReading, Sendable {
    /// File name → what reading it gives; other files give nothing.
    let extractions: [String: AttachmentExtraction]
    /// Target label → what OCR gives; other targets fail.
    let recognitions: [String: OCRResult]
    /// Called before each recognition (a test may ask the pass to stop there).
    let beforeRecognising: @Sendable (OCRTarget) -> Void
    private let recognised = Mutex<[String]>([])

    init(
        extractions: [String: AttachmentExtraction] = [:], recognitions: [String: OCRResult] = [:],
        beforeRecognising: @escaping @Sendable (OCRTarget) -> Void = { _ in }
    ) {
        self.extractions = extractions
        self.recognitions = recognitions
        self.beforeRecognising = beforeRecognising
    }

    /// The labels of the targets recognised so far, in the order they were.
    var recognisedLabels: [String] { recognised.withLock { $0 } }

    func extract(_ file: AttachmentFile) -> AttachmentExtraction {
        file.filename.flatMap { extractions[$0] } ?? .none
    }

    func recognise(_ target: OCRTarget, in file: AttachmentFile) -> OCRResult {
        beforeRecognising(target)
        recognised.withLock { $0.append(target.label) }
        return recognitions[target.label]
            ?? .failed(ExtractionProblem(.failed, location: target.label, detail: "tesseract exited with status 1"))
    }
}

/// A message with one attachment, as a mail client writes it.
enum AttachmentMail {
    static func message(id: String, body: String, filename: String, contentType: String, base64 content: [UInt8]) -> String {
        message(id: id, body: body, attachment: """
            Content-Type: \(contentType); name="\(filename)"
            Content-Disposition: attachment; filename="\(filename)"
            Content-Transfer-Encoding: base64

            \(Data(content).base64EncodedString(options: .lineLength76Characters))
            """)
    }

    /// A message with an attached message (a forward): not base64 (RFC 2046), as it is.
    static func forwarding(id: String, body: String, filename: String, enclosed: [UInt8]) -> String {
        message(id: id, body: body, attachment: """
            Content-Type: message/rfc822
            Content-Disposition: attachment; filename="\(filename)"

            \(String(decoding: enclosed, as: UTF8.self))
            """)
    }

    private static func message(id: String, body: String, attachment: String) -> String {
        """
        From: Maija Meikäläinen <maija@example.fi>
        To: Asiakaspalvelu <asiakaspalvelu@esimerkkiverkko.fi>
        Subject: Liite
        Date: Mon, 3 Mar 2025 09:15:00 +0200
        Message-ID: <\(id)>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="raja"

        --raja
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        \(body)
        --raja
        \(attachment)
        --raja--

        """
    }

    /// Bytes no reader recognises by their signature (a PNG's would be read as an image).
    static let opaque: [UInt8] = Array("skannattu sivu, ei tekstikerrosta".utf8)
}
