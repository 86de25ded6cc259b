/// OCR of one queued target: follows its steps from the attachment to the image (an archive entry,
/// an attached message's attachment, a TNEF attachment, a PDF page rendered by `pdftoppm` at
/// 200 dpi), checks the image's pixels against the limit, and runs `tesseract` (Finnish first, then
/// Swedish and English) on it, one thread, under the limits.
struct Recognition {
    var extractor: AttachmentExtractor

    static let resolution = 200
    static let languages = "fin+swe+eng"

    func recognise(_ target: OCRTarget, in file: AttachmentFile) -> OCRResult {
        var current = file
        for (depth, step) in target.steps.enumerated() {
            if case .pdfPage(let page) = step {
                guard depth == target.steps.count - 1 else { return failure(.malformed, target, "a PDF page is not a container") }
                return recognisePage(page, of: current, target)
            }
            // The file this step opens lies one level deeper, as when it was extracted.
            guard depth < extractor.limits.maxNestingDepth else {
                return failure(.nestingTooDeep, target, "containers nested deeper than \(extractor.limits.maxNestingDepth)")
            }
            let inner: AttachmentFile?
            switch step {
            case .archiveEntry: inner = ZipArchiveText(extractor: extractor, depth: depth).nested(at: step, in: current)
            case .messageAttachment: inner = AttachedMessageText(extractor: extractor, depth: depth).nested(at: step, in: current)
            case .tnefAttachment: inner = TNEFText(extractor: extractor, depth: depth).nested(at: step, in: current)
            case .pdfPage: inner = nil
            }
            guard let inner else { return failure(.malformed, target, "\(Self.describe(step)) is no longer in \(current.label)") }
            current = inner
        }
        guard case .image(let kind) = AttachmentFormat.detect(current) else {
            return failure(.malformed, target, "\(current.label) is not an image OCR reads")
        }
        if case .failure(let problem) = ImageText.checkedSize(of: current.bytes, kind: kind, label: target.label, limits: extractor.limits) {
            return .failed(problem)
        }
        return extractor.withCopy(of: current, named: "image.\(kind.rawValue)", failure: OCRResult.failed) { folder, path in
            tesseract(path, in: folder, target)
        }
    }

    /// Renders page `page` of the PDF `file` and recognises it. The page's size in points (from
    /// pdfinfo) decides before rendering whether the image would be over the pixel limit.
    private func recognisePage(_ page: Int, of file: AttachmentFile, _ target: OCRTarget) -> OCRResult {
        extractor.withCopy(of: file, named: "input.pdf", failure: OCRResult.failed) { folder, path in
            switch PDFInfo.read(path, of: file, in: folder, with: extractor, pages: page...page) {
            case .failure(let problem): return .failed(problem.at(target.label))
            case .success(let info):
                if let problem = info.renderingProblem(page: page, label: target.label, limits: extractor.limits) { return .failed(problem) }
            }
            let arguments = ["-r", String(Self.resolution), "-f", String(page), "-l", String(page), "-png", "-singlefile", path, folder.path("page")]
            switch extractor.run("pdftoppm", arguments, in: folder, for: target.label) {
            case .failure(let problem): return .failed(problem)
            case .success(let run):
                if let problem = run.problem(at: target.label) { return .failed(problem) }
            }
            // The PNG header is all the size check needs (the image itself can be large).
            let header = folder.head("page.png", count: 1024)
            if case .failure(let problem) = ImageText.checkedSize(of: header, kind: .png, label: target.label, limits: extractor.limits) {
                return .failed(problem)
            }
            return tesseract(folder.path("page.png"), in: folder, target)
        }
    }

    private func tesseract(_ image: String, in folder: ScratchFolder, _ target: OCRTarget) -> OCRResult {
        let arguments = [image, "stdout", "-l", Self.languages, "--psm", "3"]
        switch extractor.run("tesseract", arguments, in: folder, for: target.label) {
        case .failure(let problem): return .failed(problem)
        case .success(let run):
            if let problem = run.problem(at: target.label) { return .failed(problem) }
            return .text((run.text ?? "").trimmingWhitespace)
        }
    }

    private func failure(_ reason: ExtractionProblem.Reason, _ target: OCRTarget, _ detail: String) -> OCRResult {
        .failed(ExtractionProblem(reason, location: target.label, detail: detail))
    }

    private static func describe(_ step: OCRTarget.Step) -> String {
        switch step {
        case .archiveEntry(let path): "the entry \(path)"
        case .messageAttachment(let index): "attachment \(index + 1) of the attached message"
        case .tnefAttachment(let index): "attachment \(index + 1) of the winmail.dat"
        case .pdfPage(let page): "page \(page)"
        }
    }
}
