import Foundation
import Testing
@testable import Extract

/// The committed fixtures (Tests/ExtractTests/Fixtures, made by tools/make-attachment-fixtures-xml).
enum ExtractFixtures {
    static func url(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(name)))
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    static func file(_ name: String, contentType: String = "application/octet-stream") throws -> AttachmentFile {
        AttachmentFile(filename: (name as NSString).lastPathComponent, contentType: contentType, bytes: try bytes(name))
    }

    /// Tools are not needed by the readers tested here; an empty set keeps the tests independent
    /// of what is installed.
    static let extractor = AttachmentExtractor(limits: .default, tools: ExtractionTools(paths: [:]))
}

/// The share of a source text's content words (words of at least four letters, case-insensitive)
/// that an extracted text contains.
enum WordRecall {
    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 4 })
    }

    static func recall(of source: String, in extracted: String?) -> Double {
        let expected = words(source)
        guard !expected.isEmpty else { return 0 }
        let found = words(extracted ?? "")
        return Double(expected.intersection(found).count) / Double(expected.count)
    }

    /// The words of `source` missing from `extracted`, for failure messages.
    static func missing(from source: String, in extracted: String?) -> [String] {
        words(source).subtracting(words(extracted ?? "")).sorted()
    }
}

/// A ZIP writer for tests: stored (uncompressed) entries with correct CRC-32s, plus knobs to
/// write the lies hostile archives tell.
struct TestZipWriter {
    struct Entry {
        var name: String
        var data: [UInt8]
        var flags = 0x800
        var method = 0
        var declaredSize: Int?
    }

    var entries: [Entry] = []
    var comment: [UInt8] = []

    mutating func add(_ name: String, _ data: [UInt8]) {
        entries.append(Entry(name: name, data: data))
    }

    func bytes() -> [UInt8] {
        var output: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let offset = output.count
            let crc = Self.crc32(entry.data)
            let name = Array(entry.name.utf8)
            output += le32(0x0403_4B50) + le16(20) + le16(entry.flags) + le16(entry.method) + le16(0) + le16(0)
            output += le32(Int(crc)) + le32(entry.data.count) + le32(entry.declaredSize ?? entry.data.count)
            output += le16(name.count) + le16(0) + name + entry.data
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(entry.flags) + le16(entry.method) + le16(0) + le16(0)
            central += le32(Int(crc)) + le32(entry.data.count) + le32(entry.declaredSize ?? entry.data.count)
            central += le16(name.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let start = output.count
        output += central
        output += le32(0x0605_4B50) + le16(0) + le16(0) + le16(min(entries.count, 0xFFFF)) + le16(min(entries.count, 0xFFFF))
        output += le32(central.count) + le32(start) + le16(comment.count) + comment
        return output
    }

    private func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    private func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

extension ExtractFixtures {
    /// Reads fixture `name` with ``extractor`` and checks what every real-producer fixture must
    /// give: the text source, no problems, and at least 95 % of the content words of the source
    /// texts `sources` (fixture names, joined).
    static func expectReads(
        _ name: String, contentType: String = "application/octet-stream", as source: TextSource, words sources: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> AttachmentExtraction {
        let result = extractor.extract(try file(name, contentType: contentType))
        let words = try sources.map(text).joined(separator: "\n")
        #expect(result.source == source, sourceLocation: sourceLocation)
        #expect(result.problems.isEmpty, "\(result.problems)", sourceLocation: sourceLocation)
        #expect(WordRecall.recall(of: words, in: result.text) >= 0.95,
                "missing: \(WordRecall.missing(from: words, in: result.text))", sourceLocation: sourceLocation)
        return result
    }
}
