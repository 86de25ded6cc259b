/// Bounds on the work and memory one attachment may cost. A file over a bound is not read (or read
/// in part) and the reason is recorded; the message is archived regardless.
public struct ExtractionLimits: Sendable, Hashable {
    /// Wall time of one run of an external tool (pdftotext, tesseract...), in seconds.
    public var toolSeconds: Int
    /// Address-space limit (`setrlimit(RLIMIT_AS)`) of an external tool, in bytes.
    public var toolMemoryBytes: Int
    /// Text an attachment may give, in bytes (a tool's output past it is cut and the tool killed).
    public var maxTextBytes: Int
    public var maxPDFPages: Int
    /// Width × height of an image (or rendered page) that OCR accepts.
    public var maxImagePixels: Int
    public var maxArchiveEntries: Int
    /// Bytes all the entries of one archive (or one Office file's XML parts) may expand to.
    public var maxExpandedBytes: Int
    /// Expanded size over compressed size, per entry.
    public var maxCompressionRatio: Int
    /// Containers in containers: ZIP in ZIP, a forward inside a forward, TNEF inside a ZIP.
    public var maxNestingDepth: Int

    public init(
        toolSeconds: Int, toolMemoryBytes: Int, maxTextBytes: Int, maxPDFPages: Int, maxImagePixels: Int,
        maxArchiveEntries: Int, maxExpandedBytes: Int, maxCompressionRatio: Int, maxNestingDepth: Int
    ) {
        self.toolSeconds = toolSeconds
        self.toolMemoryBytes = toolMemoryBytes
        self.maxTextBytes = maxTextBytes
        self.maxPDFPages = maxPDFPages
        self.maxImagePixels = maxImagePixels
        self.maxArchiveEntries = maxArchiveEntries
        self.maxExpandedBytes = maxExpandedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxNestingDepth = maxNestingDepth
    }

    public static let `default` = ExtractionLimits(
        toolSeconds: 30, toolMemoryBytes: 512 << 20, maxTextBytes: 4 << 20, maxPDFPages: 500,
        maxImagePixels: 40_000_000, maxArchiveEntries: 1_000, maxExpandedBytes: 128 << 20,
        maxCompressionRatio: 200, maxNestingDepth: 4)
}
