/// The text of OpenDocument files (ODF 1.2+): ODT, ODS, ODP (and ODG). `content.xml` gives the
/// body, `styles.xml` the headers and footers of the master pages. Each paragraph or heading is a
/// line; spreadsheet rows are lines with cells separated by tabs, sheet names on lines of their
/// own; cells that hold only a value (`office:value`, no paragraph) give the value; text in
/// drawing frames and speaker notes is read like any paragraph. Encrypted packages are reported.
struct OpenDocumentText {
    var extractor: AttachmentExtractor
    var depth: Int

    func extract(_ file: AttachmentFile) -> AttachmentExtraction {
        var package: DocumentPackage
        do throws(ZipError) {
            package = try DocumentPackage(file, limits: extractor.limits)
        } catch {
            return AttachmentExtraction(problems: [error.problem(location: file.label)])
        }
        guard package.contains("content.xml") else {
            return ZipArchiveText(extractor: extractor, depth: depth).extract(file)
        }
        if isEncrypted(&package) {
            return .problem(.encrypted, file, "the document is password-protected")
        }
        var builder = TextBuilder(maxBytes: extractor.limits.maxTextBytes)
        for part in ["content.xml", "styles.xml"] where !builder.isFull {
            var reader = OpenDocumentBodyReader()
            package.scan(part) { event in
                reader.read(event, into: &builder)
                return !builder.isFull
            }
            builder.endLine()
        }
        return package.extraction(builder, source: .odf)
    }

    /// An encrypted package says so in its manifest (`manifest:encryption-data` on its entries).
    private func isEncrypted(_ package: inout DocumentPackage) -> Bool {
        var encrypted = false
        package.scan("META-INF/manifest.xml") { event in
            if case .start(let tag) = event, tag.localName == "encryption-data" { encrypted = true }
            return !encrypted
        }
        return encrypted
    }
}

/// The state of reading one OpenDocument XML part.
private struct OpenDocumentBodyReader {
    /// `text:p` and `text:h` elements open (a note's paragraphs sit inside a paragraph).
    private var paragraphs = 0
    /// Inside elements whose text is not the document's (tracked deletions, an annotation's
    /// author and date).
    private var skipped = 0
    /// The open cell's value when it has one and no paragraph gave its text yet.
    private var cellValue: String?

    private static let skippedElements: Set<String> = ["text:tracked-changes", "dc:creator", "dc:date", "meta:creator-initials"]

    mutating func read(_ event: XMLEvent, into builder: inout TextBuilder) {
        switch event {
        case .start(let tag):
            let name = tag.localName
            if Self.skippedElements.contains(tag.name) { skipped += 1 }
            switch name {
            case "p", "h":
                paragraphs += 1
                cellValue = nil
            case "s" where paragraphs > 0:
                let count = min(max(tag.attribute("text:c").flatMap { Int($0) } ?? 1, 1), 100)
                builder.append(String(repeating: " ", count: count))
            case "tab" where paragraphs > 0: builder.tab()
            case "line-break": builder.endLine()
            case "table" where tag.name.hasPrefix("table:"):
                builder.endLine()
                if let name = tag.attribute("table:name") { builder.append(name) }
                builder.endLine()
            case "table-cell", "covered-table-cell":
                cellValue = ["office:value", "office:date-value", "office:time-value", "office:boolean-value", "office:string-value"]
                    .lazy.compactMap { tag.attribute($0) }.first
            default: break
            }
        case .end(let name):
            let local = XMLStartTag.localName(of: name)
            if Self.skippedElements.contains(name) { skipped = max(0, skipped - 1) }
            switch local {
            case "p", "h":
                paragraphs = max(0, paragraphs - 1)
                if paragraphs == 0 { builder.endLine() }
            case "table-cell", "covered-table-cell":
                if let value = cellValue { builder.append(value) }
                cellValue = nil
                builder.tab()
            case "table-row": builder.endLine()
            default: break
            }
        case .text(let text):
            if paragraphs > 0 && skipped == 0 { builder.append(text) }
        }
    }
}
