// Placeholder until the tools work lands: recognises nothing yet.
struct Recognition {
    var extractor: AttachmentExtractor

    func recognise(_ target: OCRTarget, in file: AttachmentFile) -> OCRResult {
        .failed(ExtractionProblem(.toolMissing, location: target.label, detail: "OCR is not available yet"))
    }
}
