import Archive
import Foundation

/// A fresh archive in its own temporary folder.
struct TemporaryArchive {
    let folder: URL
    let store: ArchiveStore

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try ArchiveStore(path: folder.appendingPathComponent("archive.sqlite").path)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

func email(ref: String, subject: String, body: String, references: [String] = [], from: String = "asiakas@example.fi") -> NewInteraction {
    NewInteraction(
        kind: .email, sourceRef: ref, contentDigest: ContentDigest(of: Array((ref + body).utf8)),
        occurredAt: Date(timeIntervalSince1970: 1_700_000_000), subject: subject,
        body: body, participants: [Participant(role: .from, name: "Asiakas", address: from)], attachments: [],
        references: references, defects: [])
}
