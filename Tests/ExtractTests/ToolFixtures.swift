import Foundation
import Testing
@testable import Extract

/// The fixtures of the readers that run Debian's tools (made by tools/make-attachment-fixtures),
/// the Finnish texts they were made from, and the recall of a text's content words.
enum ToolFixtures {
    static func url(_ relative: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/" + relative, withExtension: nil), "no fixture \(relative)")
    }

    static func file(_ relative: String, type: String = "application/octet-stream") throws -> AttachmentFile {
        let bytes = try [UInt8](Data(contentsOf: url(relative)))
        return AttachmentFile(filename: String(relative.split(separator: "/").last ?? ""), contentType: type, bytes: bytes)
    }

    /// The texts in Fixtures/sources that a fixture was made from.
    static func source(_ names: String...) throws -> String {
        try names.map { try String(contentsOf: url("sources/" + $0), encoding: .utf8) }.joined(separator: "\n")
    }

    /// The share of `source`'s content words found among `extracted`'s words (``WordRecall``).
    static func recall(of source: String, in extracted: String) -> Double {
        WordRecall.recall(of: source, in: extracted)
    }

    static let extractor = AttachmentExtractor()

    /// Tight limits for hostile inputs.
    static func limits(
        toolSeconds: Int = 30, memoryBytes: Int = 512 << 20, textBytes: Int = 4 << 20, pages: Int = 500, pixels: Int = 40_000_000
    ) -> ExtractionLimits {
        var limits = ExtractionLimits.default
        limits.toolSeconds = toolSeconds
        limits.toolMemoryBytes = memoryBytes
        limits.maxTextBytes = textBytes
        limits.maxPDFPages = pages
        limits.maxImagePixels = pixels
        return limits
    }
}
