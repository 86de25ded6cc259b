/// A PDF's text layer: read in process by ``PDFTextLayer`` (about a millisecond for the common
/// producers) when every page has text, else by poppler's `pdfinfo` (pages, sizes, password) and
/// `pdftotext -layout` in a limited child process, which also judges encrypted, damaged and
/// over-limit files. Pages past
/// ``ExtractionLimits/maxPDFPages`` are not read; pages without text (scans) become OCR targets
/// (their size is checked against the pixel limit before rendering, by ``Recognition``).
struct PDFText {
    var extractor: AttachmentExtractor

    func extract(_ file: AttachmentFile) -> AttachmentExtraction {
        // A page without text (a scan) is left to poppler, which also checks that the page can be
        // rendered within the pixel limit before it is queued for OCR (a second a page, where
        // pdfinfo's few milliseconds do not count).
        let layer = PDFTextLayer.read(file.bytes, limits: extractor.limits)
        if case .pages(let pages) = layer, !pages.contains(where: { $0.trimmingWhitespace.isEmpty }) {
            return AttachmentExtraction(
                text: pages.map(\.trimmingWhitespace).joined(separator: "\n\n"), source: .pdf)
        }
        var read = extractor.withCopy(of: file, named: "input.pdf", failure: { AttachmentExtraction(problems: [$0]) }) { folder, path in
            self.read(path, of: file, in: folder)
        }
        // poppler read no text and found nothing wrong (its pages may still go to OCR): the
        // in-process reader's reason, when the file is damaged or over a limit, is why.
        if read.text == nil, read.problems.isEmpty, case .cannotRead(let error) = layer,
            let problem = Self.problem(error, file)
        {
            read.problems.append(problem)
        }
        return read
    }

    private static func problem(_ error: PDFReadError, _ file: AttachmentFile) -> ExtractionProblem? {
        switch error {
        case .malformed(let detail): ExtractionProblem(.malformed, location: file.label, detail: "no text could be read: \(detail)")
        case .overLimit(let detail): ExtractionProblem(.overLimit, location: file.label, detail: "no text could be read: \(detail)")
        case .unsupported, .encrypted: nil
        }
    }

    private func read(_ path: String, of file: AttachmentFile, in folder: ScratchFolder) -> AttachmentExtraction {
        let info: PDFInfo
        let limit = extractor.limits.maxPDFPages
        switch PDFInfo.read(path, of: file, in: folder, with: extractor, pages: 1...max(1, limit)) {
        case .failure(let problem): return AttachmentExtraction(problems: [problem])
        case .success(let read): info = read
        }
        var problems: [ExtractionProblem] = []
        if info.pages > limit {
            problems.append(ExtractionProblem(.overLimit, location: file.label, detail: "\(info.pages) pages; only the first \(limit) are read"))
        }
        let pagesRead = min(info.pages, limit)
        let arguments = ["-layout", "-enc", "UTF-8", "-f", "1", "-l", String(pagesRead), path, "-"]
        let run: ToolRun
        switch extractor.run("pdftotext", arguments, in: folder, for: file.label) {
        case .failure(let problem): return AttachmentExtraction(problems: problems + [problem])
        case .success(let done): run = done
        }
        if let problem = run.problem(at: file.label) { problems.append(problem) }
        guard let output = run.text else { return AttachmentExtraction(problems: problems) }

        // pdftotext ends every page with a form feed; what follows the last one is empty, or the
        // part of a page before the output limit cut it (kept, but not judged for OCR).
        var pages = output.split(separator: "\u{0C}", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
        let trailer = pages.popLast() ?? ""
        var texts: [String] = []
        var pendingOCR: [OCRTarget] = []
        for (index, text) in pages.prefix(pagesRead).enumerated() {
            let label = "\(file.label), page \(index + 1)"
            if text.isEmpty {
                if let problem = info.renderingProblem(page: index + 1, label: label, limits: extractor.limits) {
                    problems.append(problem)
                } else {
                    pendingOCR.append(OCRTarget(steps: [.pdfPage(index + 1)], label: label))
                }
            } else {
                texts.append(text)
            }
        }
        if !trailer.isEmpty { texts.append(trailer) }
        return AttachmentExtraction(text: texts.joined(separator: "\n\n"), source: .pdf, problems: problems, pendingOCR: pendingOCR)
    }
}

/// What `pdfinfo` says of a PDF: its page count and the sizes of the pages asked for.
struct PDFInfo {
    var pages: Int
    /// `Page N size: W x H pts` of the pages asked for, in points (1/72 inch).
    var pageSizes: [Int: (width: Double, height: Double)]

    /// The report pdfinfo may give (about 60 bytes a page).
    static let reportBytes = 1 << 20

    /// Runs `pdfinfo` (for `pages`, their sizes too). A PDF that needs a password is
    /// ``ExtractionProblem/Reason/encrypted``; one poppler cannot open is malformed.
    static func read(
        _ path: String, of file: AttachmentFile, in folder: ScratchFolder, with extractor: AttachmentExtractor, pages: ClosedRange<Int>? = nil
    ) -> Result<PDFInfo, ExtractionProblem> {
        let range = pages.map { ["-f", String($0.lowerBound), "-l", String($0.upperBound)] } ?? []
        let run: ToolRun
        switch extractor.run("pdfinfo", range + [path], in: folder, for: file.label, outputLimit: reportBytes) {
        case .failure(let problem): return .failure(problem)
        case .success(let done): run = done
        }
        if case .failed = run.outcome {
            let reason = run.firstErrorLine ?? "no reason given"
            if reason.lowercased().contains("password") {
                return .failure(ExtractionProblem(.encrypted, location: file.label, detail: "the PDF needs a password (pdfinfo: \(reason))"))
            }
            return .failure(ExtractionProblem(.malformed, location: file.label, detail: "poppler cannot open the PDF: \(reason)"))
        }
        if let problem = run.problem(at: file.label) { return .failure(problem) }
        var count: Int?
        var sizes: [Int: (width: Double, height: Double)] = [:]
        for line in (run.text ?? "").split(whereSeparator: \.isNewline) {
            let words = line.split(separator: " ")
            if words.first == "Pages:", words.count == 2 { count = Int(words[1]) }
            // "Page    2 size: 595.276 x 841.89 pts (A4)"
            if words.count >= 7, words[0] == "Page", words[2] == "size:", words[4] == "x", let page = Int(words[1]),
                let width = Double(words[3]), let height = Double(words[5])
            {
                sizes[page] = (width, height)
            }
        }
        guard let count, count > 0 else {
            return .failure(ExtractionProblem(.malformed, location: file.label, detail: "pdfinfo finds no pages in the PDF"))
        }
        return .success(PDFInfo(pages: count, pageSizes: sizes))
    }

    /// A page side for a message: whole points, or the number as read when it is too large for an
    /// integer (a MediaBox of 1e30).
    static func points(_ value: Double) -> String {
        Int(exactly: value.rounded()).map(String.init) ?? "\(value)"
    }

    /// Why page `page` cannot be rendered for OCR: not in the PDF, or over the pixel limit at
    /// ``Recognition/resolution``; nil when it can.
    func renderingProblem(page: Int, label: String, limits: ExtractionLimits) -> ExtractionProblem? {
        guard page <= pages, let size = pageSizes[page] else {
            return ExtractionProblem(.malformed, location: label, detail: "the PDF has no page \(page)")
        }
        let scale = Double(Recognition.resolution) / 72
        let pixels = (size.width * scale).rounded(.up) * (size.height * scale).rounded(.up)
        guard pixels.isFinite, pixels <= Double(limits.maxImagePixels) else {
            return ExtractionProblem(
                .overLimit, location: label,
                detail: "page \(page) is \(Self.points(size.width)) × \(Self.points(size.height)) points, over \(limits.maxImagePixels) pixels at \(Recognition.resolution) dpi")
        }
        return nil
    }
}
