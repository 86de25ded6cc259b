import Archive
import Extract
import Foundation
import MIME

/// One MIME attachment read for the archive, on an import worker: its text (from MIME for
/// `text/*`; from the reader for everything else, MIME's text of an attached message when the
/// reader gives none), where the text came from, what could not be read, and the images queued
/// for OCR.
struct AttachmentReadout {
    var attachment: NewAttachment

    init(_ part: Attachment, reader: any AttachmentReading) {
        let digest = ContentDigest(of: part.data)
        if part.contentType.hasPrefix("text/") {
            attachment = NewAttachment(
                filename: part.filename, contentType: part.contentType, size: part.data.count, digest: digest,
                text: part.text, textSource: TextSource.text.rawValue)
            return
        }
        let read = reader.extract(AttachmentFile(filename: part.filename, contentType: part.contentType, bytes: part.data))
        var text = read.text
        var source = read.source
        if text == nil, let mimeText = part.text, !mimeText.isEmpty {
            text = mimeText
            source = Self.isMessage(part.contentType) ? .message : .text
        }
        attachment = NewAttachment(
            filename: part.filename, contentType: part.contentType, size: part.data.count, digest: digest, text: text,
            textSource: text == nil ? nil : (source ?? .text).rawValue, problems: read.problems.map(\.description),
            pendingRecognition: read.pendingOCR.compactMap(PendingRecognition.init))
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
