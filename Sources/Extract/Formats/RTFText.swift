// Placeholder until the XML work lands: reads nothing yet.
struct RTFText {
    var limits: ExtractionLimits

    func extract(_ file: AttachmentFile) -> AttachmentExtraction {
        .none
    }
}
