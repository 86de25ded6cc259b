import Archive
import Extract
import Foundation
import MIME

/// One MIME attachment read for the archive, on an import worker (and by `arkisto parse`, so that
/// it shows what the import stores): its text (from MIME for `text/*`; from the reader for
/// everything else, MIME's text of an attached message or report when the reader gives none),
/// where the text came from, what could not be read, and the images queued for OCR.
public struct AttachmentReadout: Sendable {
    public var text: String?
    public var source: TextSource?
    public var problems: [ExtractionProblem]
    public var pendingOCR: [OCRTarget]
    /// The attachment as the archive stores it.
    var attachment: NewAttachment

    public init(_ part: Attachment, reader: any AttachmentReading) {
        if part.contentType.hasPrefix("text/") {
            text = part.text
            source = part.text == nil ? nil : .text
            problems = []
            pendingOCR = []
        } else {
            let read = reader.extract(AttachmentFile(filename: part.filename, contentType: part.contentType, bytes: part.data))
            text = read.text
            source = read.source
            if text == nil, let mimeText = part.text, !mimeText.isEmpty {
                text = mimeText
                source = Self.isMessage(part.contentType) ? .message : .text
            }
            if text != nil, source == nil { source = .text }
            problems = read.problems
            pendingOCR = read.pendingOCR
        }
        attachment = NewAttachment(
            filename: part.filename, contentType: part.contentType, size: part.data.count, digest: ContentDigest(of: part.data),
            text: text, textSource: source?.rawValue, problems: problems.map(\.description),
            pendingRecognition: pendingOCR.compactMap(PendingRecognition.init))
    }

    /// An enclosed message (a forward), as opposed to a delivery report's fields.
    private static func isMessage(_ contentType: String) -> Bool {
        contentType == "message/rfc822" || contentType == "message/global"
    }
}

extension PendingRecognition {
    /// The target as the queue keeps it: JSON, read back by ``OCRTarget/init(queued:)``.
    init?(_ target: OCRTarget) {
        guard let json = try? JSONEncoder().encode(target) else { return nil }
        self.init(target: String(decoding: json, as: UTF8.self), label: target.label)
    }
}

extension OCRTarget {
    /// A target read back from the queue; nil when its JSON is not a target.
    init?(queued json: String) {
        guard let target = try? JSONDecoder().decode(OCRTarget.self, from: Data(json.utf8)) else { return nil }
        self = target
    }
}
