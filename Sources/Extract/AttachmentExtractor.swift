/// Reads the text of attachments, by format (``AttachmentFormat``), within ``ExtractionLimits``.
/// Text layers and XML formats are read at once; images and text-less PDF pages are returned as
/// ``OCRTarget``s, recognised later by ``recognise(_:in:)``. Never throws: what cannot be read is
/// an ``ExtractionProblem``. Third-party tools run as child processes under the limits
/// (``LimitedProcess``).
public struct AttachmentExtractor: Sendable {
    public var limits: ExtractionLimits
    public var tools: ExtractionTools

    public init(limits: ExtractionLimits = .default, tools: ExtractionTools = .installed()) {
        self.limits = limits
        self.tools = tools
    }

    /// The text of one attachment (and of the files inside it).
    public func extract(_ file: AttachmentFile) -> AttachmentExtraction {
        extract(file, depth: 0)
    }

    func extract(_ file: AttachmentFile, depth: Int) -> AttachmentExtraction {
        guard depth <= limits.maxNestingDepth else {
            return .problem(.nestingTooDeep, file, "containers nested deeper than \(limits.maxNestingDepth)")
        }
        switch AttachmentFormat.detect(file) {
        case .text, .other: return .none
        case .pdf: return PDFText(extractor: self).extract(file)
        case .image(let kind): return ImageText(extractor: self).extract(file, kind: kind)
        case .officeOpenXML: return OfficeOpenXMLText(extractor: self, depth: depth).extract(file)
        case .openDocument: return OpenDocumentText(extractor: self, depth: depth).extract(file)
        case .rtf: return RTFText(limits: limits).extract(file)
        case .legacyOffice: return LegacyOfficeText(extractor: self).extract(file)
        case .message: return AttachedMessageText(extractor: self, depth: depth).extract(file)
        case .tnef: return TNEFText(extractor: self, depth: depth).extract(file)
        case .zip: return ZipArchiveText(extractor: self, depth: depth).extract(file)
        }
    }

    /// Recognises the text of one queued target of `file` (the attachment the target was found in).
    public func recognise(_ target: OCRTarget, in file: AttachmentFile) -> OCRResult {
        Recognition(extractor: self).recognise(target, in: file)
    }
}

/// The text OCR gave for one ``OCRTarget``, or why it gave none.
public enum OCRResult: Sendable, Equatable {
    case text(String)
    case failed(ExtractionProblem)
}
