// Placeholder until the tools work lands: reads nothing yet.
struct LegacyOfficeText {
    var extractor: AttachmentExtractor

    func extract(_ file: AttachmentFile) -> AttachmentExtraction {
        .none
    }
}
