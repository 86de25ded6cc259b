import Archive
import Capture
import Foundation
import Ingest

/// A temporary folder with an archive in it, removed when the test ends.
final class CaptureScratch {
    let folder: String
    let archive: ArchiveStore
    let context: CaptureContext

    init() throws {
        folder = NSTemporaryDirectory() + "arkisto-capture-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        archive = try ArchiveStore(path: folder + "/archive.sqlite")
        let key = PersonalIDKey(bytes: Array(repeating: 0x5A, count: PersonalIDKey.byteCount))
        context = CaptureContext(archive: archive, personalIDKey: try key.orThrow("a 32-byte key is valid"))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A Maildir with its three folders.
    func maildir(_ name: String) throws -> String {
        let path = folder + "/" + name
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: path + "/" + sub, withIntermediateDirectories: true)
        }
        return path
    }

    /// Delivers a message as an MDA does: written in tmp/, renamed into new/.
    @discardableResult
    func deliver(into maildir: String, id: String, subject: String, body: String, from: String = "asiakas@example.fi") throws -> String {
        let message = """
            From: \(from)\r
            To: asiakaspalvelu@operaattori.fi\r
            Subject: \(subject)\r
            Message-ID: <\(id)@example.fi>\r
            Date: Sun, 06 Dec 2026 10:00:00 +0200\r
            \r
            \(body)\r

            """
        let name = "1796\(id.utf8.count).\(id).host"
        try Data(message.utf8).write(to: URL(fileURLWithPath: maildir + "/tmp/" + name))
        try FileManager.default.moveItem(atPath: maildir + "/tmp/" + name, toPath: maildir + "/new/" + name)
        return maildir + "/new/" + name
    }

    var interactions: Int {
        get throws { try archive.counts().interactions }
    }
}

struct MissingValue: Error, CustomStringConvertible {
    var description: String
}

extension Optional {
    func orThrow(_ what: String) throws -> Wrapped {
        guard let self else { throw MissingValue(description: what) }
        return self
    }
}
