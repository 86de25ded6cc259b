/// An image's text is OCR's work, done later (``Recognition``): here only its header is read, and
/// an image within ``ExtractionLimits/maxImagePixels`` becomes one OCR target. Nothing is decoded.
struct ImageText {
    var extractor: AttachmentExtractor

    /// Images narrower or lower than this hold no readable text (spacers, tracking pixels, bullets).
    static let smallestSide = 16

    func extract(_ file: AttachmentFile, kind: AttachmentFormat.ImageKind) -> AttachmentExtraction {
        switch Self.checkedSize(of: file.bytes, kind: kind, label: file.label, limits: extractor.limits) {
        case .failure(let problem): return AttachmentExtraction(problems: [problem])
        case .success(let size):
            guard min(size.width, size.height) >= Self.smallestSide else { return .none }
            return AttachmentExtraction(pendingOCR: [OCRTarget(steps: [], label: file.label)])
        }
    }

    /// The image's size when its header is readable and its pixels are within the limit.
    static func checkedSize(
        of bytes: [UInt8], kind: AttachmentFormat.ImageKind, label: String, limits: ExtractionLimits
    ) -> Result<ImageSize, ExtractionProblem> {
        guard let size = ImageSize(of: bytes, kind: kind) else {
            return .failure(ExtractionProblem(.malformed, location: label, detail: "the \(kind.rawValue.uppercased()) header gives no image size"))
        }
        guard size.pixels <= limits.maxImagePixels else {
            return .failure(ExtractionProblem(
                .overLimit, location: label,
                detail: "\(size.width) × \(size.height) pixels is over the limit of \(limits.maxImagePixels) pixels"))
        }
        return .success(size)
    }
}
