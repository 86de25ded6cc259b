import Archive
import Foundation

/// A file written into the report folder.
public struct ManifestEntry: Sendable, Codable, Equatable {
    /// Relative to the report folder.
    public var path: String
    public var sha256: String
    public var size: Int
    /// The interaction it belongs to (none for the report files themselves).
    public var sourceRef: String?

    enum CodingKeys: String, CodingKey { case path, sha256, size, sourceRef = "source_ref" }
}

/// What writing a report produced.
public struct WrittenReport: Sendable {
    public var folder: String
    public var report: InspectionReport
    public var files: [ManifestEntry]
    /// Weakly linked interactions awaiting review: left out of the report.
    public var pendingReview: Int
    public var bytes: Int { files.reduce(0) { $0 + $1.size } }
}

/// Writes `report.html`, `report.json` and `originals/` (with `manifest.json`) into a folder,
/// readable by the archive's user only.
struct ReportWriter {
    var archive: ArchiveStore
    var folder: URL

    func write(_ built: BuiltReport) throws(PrivacyError) -> WrittenReport {
        var report = built.report
        try prepareFolder()
        var entries: [ManifestEntry] = []
        for planned in built.files {
            let sourceRef = report.interactions[planned.interactionIndex].sourceRef
            let result = try copy(planned)
            if let bytes = result.bytes {
                let digest = ContentDigest(of: bytes).hex
                try save(bytes, as: planned.path)
                entries.append(ManifestEntry(path: planned.path, sha256: digest, size: bytes.count, sourceRef: sourceRef))
                set(ReportFile(path: planned.path, sha256: digest, state: .copied), planned, in: &report)
            } else {
                set(ReportFile(path: nil, sha256: result.expected, state: result.state), planned, in: &report)
            }
        }
        report.summary.originalsCopied = entries.count

        let json = Self.encode(report)
        try save(json, as: "report.json")
        let html = [UInt8](ReportHTML(report: report).render().utf8)
        try save(html, as: "report.html")
        let all = [
            ManifestEntry(path: "report.html", sha256: ContentDigest(of: html).hex, size: html.count, sourceRef: nil),
            ManifestEntry(path: "report.json", sha256: ContentDigest(of: json).hex, size: json.count, sourceRef: nil),
        ] + entries
        let manifest = Manifest(caseID: report.request.caseID, generatedAt: report.generatedAt, files: all)
        let manifestBytes = Self.encode(manifest)
        try save(manifestBytes, as: "originals/manifest.json")
        return WrittenReport(
            folder: folder.path, report: report,
            files: all + [ManifestEntry(path: "originals/manifest.json", sha256: ContentDigest(of: manifestBytes).hex,
                                        size: manifestBytes.count, sourceRef: nil)],
            pendingReview: built.pendingReview)
    }

    private struct Manifest: Encodable {
        var format = "arkisto-inspection-manifest/1"
        var caseID: Int64
        var generatedAt: String
        var files: [ManifestEntry]

        enum CodingKeys: String, CodingKey { case format, caseID = "case_id", generatedAt = "generated_at", files }
    }

    private func copy(_ planned: PlannedFile) throws(PrivacyError) -> (bytes: [UInt8]?, state: ReportFile.State, expected: String?) {
        switch planned.source {
        case .original(let id):
            let bytes = try archiving { () throws(ArchiveError) in try archive.originalBytes(id: id) }
            return (bytes, bytes == nil ? .missing : .copied, nil)
        case .bytes(let bytes):
            return (bytes, .copied, nil)
        case .file(let path, let expected):
            guard let data = FileManager.default.contents(atPath: path) else { return (nil, .missing, expected) }
            let bytes = [UInt8](data)
            if let expected, ContentDigest(of: bytes).hex != expected { return (nil, .changed, expected) }
            return (bytes, .copied, expected)
        }
    }

    private func set(_ file: ReportFile, _ planned: PlannedFile, in report: inout InspectionReport) {
        switch planned.slot {
        case .original: report.interactions[planned.interactionIndex].original = file
        case .recording: report.interactions[planned.interactionIndex].call?.recording = file
        case .transcript: report.interactions[planned.interactionIndex].call?.transcript = file
        }
    }

    /// Creates the folder (owner-only); refuses one that holds anything but an earlier report.
    private func prepareFolder() throws(PrivacyError) {
        let manager = FileManager.default
        let path = folder.path
        if let existing = try? manager.contentsOfDirectory(atPath: path), !existing.isEmpty {
            let ours: Set<String> = ["report.html", "report.json", "originals"]
            guard Set(existing).isSubset(of: ours) else {
                throw .file(path: path, reason: "the folder holds other files: give an empty or new folder")
            }
            for name in existing {
                do {
                    try manager.removeItem(at: folder.appendingPathComponent(name))
                } catch {
                    throw .file(path: folder.appendingPathComponent(name).path, reason: "cannot replace: \(error.localizedDescription)")
                }
            }
        }
        do {
            for directory in [folder, folder.appendingPathComponent("originals")] {
                try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
        } catch {
            throw .file(path: path, reason: "cannot create: \(error.localizedDescription)")
        }
    }

    private func save(_ bytes: [UInt8], as relative: String) throws(PrivacyError) {
        let url = folder.appendingPathComponent(relative)
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw .file(path: url.path, reason: "cannot write")
        }
    }

    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8]((try? encoder.encode(value)) ?? Data("{}".utf8))
    }
}
