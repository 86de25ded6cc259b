import Foundation

/// Where the external tools that read attachments are: Debian's poppler-utils (pdftotext, pdfinfo,
/// pdftoppm), tesseract, antiword, catdoc's catdoc/xls2csv/catppt, tnef, and util-linux's prlimit
/// that puts a child under its limits. A missing tool is reported per attachment, never fatal.
public struct ExtractionTools: Sendable, Hashable {
    /// Tool name → absolute path, for the tools found.
    public var paths: [String: String]

    public init(paths: [String: String]) {
        self.paths = paths
    }

    public static let names = ["pdftotext", "pdfinfo", "pdftoppm", "tesseract", "antiword", "catdoc", "xls2csv", "catppt", "tnef", "prlimit"]

    /// The tools found in PATH's folders, then in /usr/bin and /usr/local/bin.
    public static func installed(environment: [String: String] = ProcessInfo.processInfo.environment) -> ExtractionTools {
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        var paths: [String: String] = [:]
        for name in names {
            paths[name] = folders.lazy.filter { !$0.isEmpty }.map { "\($0)/\(name)" }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        return ExtractionTools(paths: paths)
    }

    public func path(_ name: String) -> String? { paths[name] }
}
