/// Text still to be recognised, found while reading an attachment: the way from the attachment's
/// bytes to an image (or a PDF page) that needs OCR. OCR is slow (about a second a page), so the
/// import queues targets and `arkisto extract` recognises them later
/// (``AttachmentExtractor/recognise(_:in:)``), reading the attachment again from the original.
public struct OCRTarget: Sendable, Hashable, Codable {
    public enum Step: Sendable, Hashable, Codable {
        /// An entry of a ZIP archive (its path inside the archive).
        case archiveEntry(String)
        /// The attachment at this 0-based position of an attached message (``Message/attachments``).
        case messageAttachment(Int)
        /// The attachment at this 0-based position of a TNEF stream.
        case tnefAttachment(Int)
        /// A page of a PDF, 1-based.
        case pdfPage(Int)
    }

    /// From the attachment itself inwards; empty: the attachment is the image.
    public var steps: [Step]
    /// For progress lines and defects: `kuvat.zip › sivu1.png`, `lasku.pdf, page 2`.
    public var label: String

    public init(steps: [Step], label: String) {
        self.steps = steps
        self.label = label
    }

    /// This target as seen from the container that holds it at `step`, named `container`.
    func inside(_ step: Step, container: String) -> OCRTarget {
        OCRTarget(steps: [step] + steps, label: "\(container) › \(label)")
    }
}
