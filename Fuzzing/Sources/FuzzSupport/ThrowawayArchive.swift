import Archive
import Foundation
import Ingest

/// A new, empty archive for each input, so that every run starts from the same state and a crasher
/// reproduces on its own: the schema is made once per process and its file copied for each input.
struct ThrowawayArchive: Sendable {
    private let folder: ScratchFolder
    private let template: String
    let personalIDKey: PersonalIDKey

    init(folder: ScratchFolder) {
        self.folder = folder
        template = folder.file("template.sqlite")
        guard let key = PersonalIDKey(bytes: Array(repeating: 0x5A, count: PersonalIDKey.byteCount)) else {
            ScratchFolder.harnessFailure("cannot make a personal identity code key")
        }
        personalIDKey = key
        Self.remove(template)
        do {
            // Opening creates and migrates the schema; closing checkpoints the WAL into the file.
            _ = try ArchiveStore(path: template)
        } catch {
            ScratchFolder.harnessFailure("cannot create the template archive \(template): \(error)")
        }
    }

    /// Runs `body` with a fresh copy of the empty archive, under a name of its own (no handle left
    /// over from an earlier input can meet it), and deletes the copy afterwards.
    func withFreshCopy(_ body: (ArchiveStore) throws(ImportError) -> Void) throws(ImportError) {
        let path = folder.file("archive-\(UUID().uuidString).sqlite")
        defer { Self.remove(path) }
        let store: ArchiveStore
        do {
            try Self.copy(template, to: path)
            // A write-ahead log left beside the template holds part of its schema.
            if FileManager.default.fileExists(atPath: template + "-wal") {
                try Self.copy(template + "-wal", to: path + "-wal")
            }
            store = try ArchiveStore(path: path)
        } catch {
            ScratchFolder.harnessFailure("cannot open a copy of the template archive at \(path): \(error)")
        }
        try body(store)
    }

    /// Copies a file, again when a signal interrupted the copy (libFuzzer's timers send them;
    /// Foundation's copy gives up on EINTR).
    private static func copy(_ source: String, to target: String) throws {
        var attempt = 0
        while true {
            do {
                try FileManager.default.copyItem(atPath: source, toPath: target)
                return
            } catch let error as NSError where attempt < 10 && isInterrupted(error) {
                attempt += 1
                try? FileManager.default.removeItem(atPath: target)
            }
        }
    }

    private static func isInterrupted(_ error: NSError) -> Bool {
        guard let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError else { return false }
        return underlying.domain == NSPOSIXErrorDomain && underlying.code == Int(EINTR)
    }

    private static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
        removeSidecars(of: path)
    }

    private static func removeSidecars(of path: String) {
        for suffix in ["-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}
