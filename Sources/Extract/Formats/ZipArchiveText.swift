// Placeholder until the XML work lands: reads nothing yet.
struct ZipArchiveText {
    var extractor: AttachmentExtractor
    var depth: Int

    func extract(_ file: AttachmentFile) -> AttachmentExtraction {
        .none
    }
}
