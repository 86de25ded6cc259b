/// What reading one attachment gave: its text now, the pages and images whose text OCR will give
/// later, and what could not be read.
public struct AttachmentExtraction: Sendable {
    /// The searchable text; nil when there is none (yet).
    public var text: String?
    /// Where ``text`` came from; nil when there is no text.
    public var source: TextSource?
    public var problems: [ExtractionProblem]
    /// Images and text-less PDF pages to recognise (``AttachmentExtractor/recognise(_:in:)``).
    public var pendingOCR: [OCRTarget]

    public init(text: String? = nil, source: TextSource? = nil, problems: [ExtractionProblem] = [], pendingOCR: [OCRTarget] = []) {
        let trimmed = text?.trimmingWhitespace
        self.text = trimmed?.isEmpty == false ? trimmed : nil
        self.source = self.text == nil ? nil : source
        self.problems = problems
        self.pendingOCR = pendingOCR
    }

    public static let none = AttachmentExtraction()

    static func problem(_ reason: ExtractionProblem.Reason, _ file: AttachmentFile, _ detail: String) -> AttachmentExtraction {
        AttachmentExtraction(problems: [ExtractionProblem(reason, location: file.label, detail: detail)])
    }

    /// Adds what was read from a file inside this one (an archive entry, an attached message's
    /// attachment): its text under its name, its problems and OCR targets located through `step`.
    /// Text stops at `textLimit` bytes in all (the rest of the files' text is not kept, and said
    /// once), so that many small containers inside one cannot add up without bound.
    mutating func append(
        _ nested: AttachmentExtraction, named name: String, at step: OCRTarget.Step, container: String, textLimit: Int
    ) {
        if let nestedText = nested.text {
            let piece = "\(name)\n\(nestedText)"
            let used = text.map { $0.utf8.count + 2 } ?? 0
            if used + piece.utf8.count > textLimit {
                if !problems.contains(where: { $0.reason == .outputTooLarge && $0.location == container }) {
                    problems.append(ExtractionProblem(
                        .outputTooLarge, location: container,
                        detail: "the text of the files inside passes \(textLimit) bytes; the rest is not kept"))
                }
            } else if var joined = text {
                joined.append("\n\n")
                joined.append(piece)
                text = joined
            } else {
                text = piece
            }
            if source == nil, text != nil { source = nested.source }
        }
        problems += nested.problems.map { $0.inside(container: container) }
        pendingOCR += nested.pendingOCR.map { $0.inside(step, container: container) }
    }
}

extension String {
    /// Without leading and trailing white space (Unicode's, not only ASCII's); the rest is one copy.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
