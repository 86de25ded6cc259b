import MIME

/// The text of an RTF document (RTF 1.9.1): paragraphs and line breaks as lines, tabs and table
/// cells as tabs, `\'hh` bytes in the document's `\ansicpg` code page, `\uN` characters (with
/// `\ucN` fallback skipping), destinations that hold no document text (font and colour tables,
/// style sheets, document info, pictures, `\*` destinations, field instructions) skipped.
/// Group nesting and output are bounded.
struct RTFText {
    var limits: ExtractionLimits
    /// Groups nested deeper than this are skipped (and reported): Word writes a few dozen levels.
    static let maxGroupDepth = 1_000

    func extract(_ file: AttachmentFile) -> AttachmentExtraction {
        var reader = RTFReader(bytes: file.bytes, maxDepth: Self.maxGroupDepth, maxTextBytes: limits.maxTextBytes)
        reader.read()
        let problems = reader.problems.map { ExtractionProblem($0.reason, location: file.label, detail: $0.detail) }
        return AttachmentExtraction(text: reader.text, source: .rtf, problems: problems)
    }
}
