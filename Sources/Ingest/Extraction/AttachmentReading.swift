import Extract

/// What reads attachments for the archive: ``AttachmentExtractor`` (the default everywhere), or
/// in tests a stand-in that gives known text, so that the paths around it can be checked whatever
/// the installed tools read.
public protocol AttachmentReading: Sendable {
    /// The text of one attachment now, its problems and the images OCR will read later.
    func extract(_ file: AttachmentFile) -> AttachmentExtraction
    /// The text of one queued image or page of `file`.
    func recognise(_ target: OCRTarget, in file: AttachmentFile) -> OCRResult
}

extension AttachmentExtractor: AttachmentReading {}
