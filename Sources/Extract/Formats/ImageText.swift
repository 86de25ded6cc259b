// Placeholder until the tools work lands: reads nothing yet.
struct ImageText {
    var extractor: AttachmentExtractor

    func extract(_ file: AttachmentFile, kind: AttachmentFormat.ImageKind) -> AttachmentExtraction {
        .none
    }
}
