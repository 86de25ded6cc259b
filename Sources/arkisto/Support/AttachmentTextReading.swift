import Extract
import Ingest
import MIME

/// The text `arkisto parse` shows for a message's attachments: what the import stores
/// (``AttachmentReadout``), with the images and text-less PDF pages recognised at once unless OCR
/// is turned off.
struct AttachmentTextReading {
    var extractor: AttachmentExtractor
    var recognises: Bool

    /// `summary` with each attachment's text, text source and defects, and the message defect
    /// `attachment_unreadable` when any attachment had a problem.
    func read(_ message: Message, into summary: inout MessageSummary) {
        let attachments = message.attachments
        for (index, attachment) in attachments.enumerated() where summary.attachments.indices.contains(index) {
            read(attachment, into: &summary.attachments[index])
        }
        if summary.attachments.contains(where: { !$0.defects.isEmpty }),
           !summary.defects.contains(Self.unreadableDefect)
        {
            summary.defects.append(Self.unreadableDefect)
        }
    }

    /// The interaction defect the import records for an attachment that could not be read.
    static let unreadableDefect = "attachment_unreadable"

    private func read(_ attachment: Attachment, into summary: inout MessageSummary.AttachmentSummary) {
        let readout = AttachmentReadout(attachment, reader: extractor)
        var pieces = readout.text.map { [$0] } ?? []
        var source = readout.source
        var problems = readout.problems
        if recognises {
            let file = AttachmentFile(filename: attachment.filename, contentType: attachment.contentType, bytes: attachment.data)
            for target in readout.pendingOCR {
                switch extractor.recognise(target, in: file) {
                case .text(let text):
                    pieces.append(readout.pendingOCR.count > 1 || !pieces.isEmpty ? "\(target.label)\n\(text)" : text)
                    if source == nil { source = .ocr }
                case .failed(let problem):
                    problems.append(problem)
                }
            }
        }
        let text = pieces.joined(separator: "\n\n")
        summary.text = text.isEmpty ? nil : text
        summary.textSource = summary.text == nil ? nil : source?.rawValue
        summary.defects = problems.map {
            MessageSummary.AttachmentSummary.Defect(reason: $0.reason.rawValue, location: $0.location, detail: $0.detail)
        }
    }
}
