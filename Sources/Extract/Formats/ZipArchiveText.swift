// Placeholder until the XML work lands: reads nothing yet.
struct ZipArchiveText {
    var extractor: AttachmentExtractor
    var depth: Int

    func extract(_ file: AttachmentFile) -> AttachmentExtraction {
        .none
    }

    /// The file inside `file` that `step` names; nil when there is none.
    func nested(at step: OCRTarget.Step, in file: AttachmentFile) -> AttachmentFile? {
        nil
    }
}
