/// Reads the text layer of a PDF in process — fast, for the common producers (checked against
/// pdftotext: LibreOffice, StarOffice, Chromium/Skia, cairo, pdfTeX, Apache FOP, ReportLab, fpdf2,
/// tesseract's OCR layer, pdfunite) — and says it cannot (``Result/cannotRead(_:)``) whenever it
/// might not read a file faithfully, so that the caller runs pdftotext instead. The words it gives
/// are pdftotext's; their order is the content stream's (pdftotext -layout orders by position), and
/// form fields' values follow the page's own text. Bounded throughout: pages (``ExtractionLimits/maxPDFPages``),
/// inflated bytes (``ExtractionLimits/maxExpandedBytes``), text (``ExtractionLimits/maxTextBytes``),
/// objects read, nesting, operators per page, reference cycles.
struct PDFTextLayer {
    enum Result: Sendable, Equatable {
        /// One string per page, in page order; an empty string is a page without text (for OCR).
        case pages([String])
        /// The file is encrypted (it has /Encrypt). Not read here; pdftotext opens files whose user
        /// password is empty (permissions only), so the caller should still try it.
        case encrypted
        /// Why this reader gives up; pdftotext should read the file instead.
        case cannotRead(PDFReadError)
    }

    /// Glyphs whose Unicode is unknown, as a share of all glyphs, above which the text is not
    /// trusted.
    static let maxUnmappedShare = 0.01

    static func read(_ bytes: [UInt8], limits: ExtractionLimits) -> Result {
        do {
            return .pages(try pages(bytes, limits: limits))
        } catch .encrypted {
            return .encrypted
        } catch {
            return .cannotRead(error)
        }
    }

    private static func pages(_ bytes: [UInt8], limits: ExtractionLimits) throws(PDFReadError) -> [String] {
        guard bytes.starts(with: Array("%PDF-".utf8)) || PDFLexer.find(Array("%PDF-".utf8), in: bytes, 0..<min(bytes.count, 1024)) != nil else {
            throw .malformed("no %PDF- header")
        }
        let document = try PDFDocument(bytes: bytes, limits: limits)
        if let encryption = document.trailer["Encrypt"], encryption.reference != nil || encryption.dictionary != nil { throw .encrypted }
        let pages = try PDFPageTree.pages(of: document, maxPages: limits.maxPDFPages)
        var fonts: [Int: PDFFont] = [:]
        var texts: [String] = []
        var glyphs = 0, unmapped = 0, textBytes = 0
        for page in pages {
            let read = try PDFContentReader.text(of: page, in: document, fonts: &fonts, maxTextBytes: limits.maxTextBytes - textBytes)
            if let exceeded = document.exceeded { throw exceeded }
            texts.append(read.text)
            glyphs += read.glyphs
            unmapped += read.unmapped
            textBytes += read.text.utf8.count
        }
        if glyphs > 0, Double(unmapped) > Double(glyphs) * maxUnmappedShare {
            throw .unsupported("\(unmapped) of \(glyphs) glyphs have no known Unicode")
        }
        return texts
    }
}
