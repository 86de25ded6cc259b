// Placeholder until the tools work lands: reads nothing yet.
struct PDFText {
    var extractor: AttachmentExtractor

    func extract(_ file: AttachmentFile) -> AttachmentExtraction {
        .none
    }
}
