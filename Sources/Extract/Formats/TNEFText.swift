// Placeholder until the tools work lands: reads nothing yet.
struct TNEFText {
    var extractor: AttachmentExtractor
    var depth: Int

    func extract(_ file: AttachmentFile) -> AttachmentExtraction {
        .none
    }
}
