/// The text of Office Open XML files (ECMA-376): DOCX (the body, headers, footers, footnotes,
/// endnotes and comments), XLSX (sheets by name, with shared strings, inline strings, numbers
/// and dates as text) and PPTX (slides in presentation order, then their notes). Only the XML
/// parts are read; pictures and embedded objects inside are not. A package that is none of
/// these is read as a plain ZIP archive.
struct OfficeOpenXMLText {
    var extractor: AttachmentExtractor
    var depth: Int

    func extract(_ file: AttachmentFile) -> AttachmentExtraction {
        var package: DocumentPackage
        do throws(ZipError) {
            package = try DocumentPackage(file, limits: extractor.limits)
        } catch {
            return AttachmentExtraction(problems: [error.problem(location: file.label)])
        }
        var builder = TextBuilder(maxBytes: extractor.limits.maxTextBytes)
        if package.contains("word/document.xml") {
            for part in Self.wordParts(package.partNames) { readDrawingText(part, in: &package, into: &builder) }
        } else if package.contains("xl/workbook.xml") {
            let sheets = SpreadsheetMLText(package: &package)
            sheets.read(into: &builder, package: &package)
        } else if package.contains("ppt/presentation.xml") {
            for part in Self.slideParts(&package) { readDrawingText(part, in: &package, into: &builder) }
        } else {
            return ZipArchiveText(extractor: extractor, depth: depth).extract(file)
        }
        return package.extraction(builder, source: .ooxml)
    }

    /// Headers, the body, footers, then footnotes, endnotes and comments.
    static func wordParts(_ names: [String]) -> [String] {
        func parts(_ prefix: String) -> [String] {
            names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".xml") }.sorted { $0.isNaturallyBefore($1) }
        }
        return parts("word/header") + ["word/document.xml"] + parts("word/footer")
            + ["word/footnotes.xml", "word/endnotes.xml", "word/comments.xml"]
    }

    /// The slides in the presentation's order (its slide list and relationships), each followed
    /// by its notes; in file-name order when the list cannot be read.
    static func slideParts(_ package: inout DocumentPackage) -> [String] {
        let targets = OfficeRelationships.read("ppt/presentation.xml", in: &package)
        var slides: [String] = []
        package.scan("ppt/presentation.xml") { event in
            if case .start(let tag) = event, tag.localName == "sldId", let id = tag.attribute("r:id"), let target = targets[id] {
                slides.append(target)
            }
            return true
        }
        if slides.isEmpty {
            slides = package.partNames.filter { $0.hasPrefix("ppt/slides/slide") && $0.hasSuffix(".xml") }
                .sorted { $0.isNaturallyBefore($1) }
        }
        return slides.flatMap { slide in
            let notes = OfficeRelationships.read(slide, in: &package).values.filter { $0.hasPrefix("ppt/notesSlides/") }.sorted()
            return [slide] + notes
        }
    }

    /// WordprocessingML and DrawingML text: `t` elements' text, a line per paragraph (`p`), `tab`
    /// as a tab, `br` and `cr` as line breaks.
    private func readDrawingText(_ part: String, in package: inout DocumentPackage, into builder: inout TextBuilder) {
        var inText = false
        let found = package.scan(part) { event in
            switch event {
            case .start(let tag):
                switch tag.localName {
                case "t": inText = true
                case "tab": builder.tab()
                case "br", "cr": builder.endLine()
                default: break
                }
            case .end(let name):
                switch XMLStartTag.localName(of: name) {
                case "t": inText = false
                case "p": builder.endLine()
                default: break
                }
            case .text(let text):
                if inText { builder.append(text) }
            }
            return !builder.isFull
        }
        if found { builder.endLine() }
    }
}

extension String {
    /// Numbers compared as numbers (`slide2` before `slide10`).
    func isNaturallyBefore(_ other: String) -> Bool {
        func key(_ string: String) -> [(String, Int)] {
            var parts: [(String, Int)] = []
            var letters = ""
            var digits = ""
            for character in string {
                if character.isASCII, character.isNumber {
                    digits.append(character)
                } else {
                    if !digits.isEmpty { parts.append((letters, Int(digits.prefix(18)) ?? 0)); letters = ""; digits = "" }
                    letters.append(character)
                }
            }
            parts.append((letters, Int(digits.prefix(18)) ?? -1))
            return parts
        }
        for (left, right) in zip(key(self), key(other)) where left != right {
            return left.0 != right.0 ? left.0 < right.0 : left.1 < right.1
        }
        return key(self).count < key(other).count
    }
}
