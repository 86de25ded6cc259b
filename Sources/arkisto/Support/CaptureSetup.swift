import Archive
import Capture
import Foundation
import Ingest

/// What `sync` and `watch` open before capturing: the archive, the personal identity code key,
/// and the capture lock.
struct CaptureSetup {
    let context: CaptureContext
    private let lockPath: String

    init(archive: ArchiveOptions, personalIDKey: String?) throws {
        let store = try archive.open()
        let keyPath = personalIDKey ?? ProcessInfo.processInfo.environment["ARKISTO_PERSONAL_ID_KEY"] ?? store.files.personalIDKey
        context = CaptureContext(archive: store, personalIDKey: try PersonalIDKey.loadOrCreate(at: keyPath))
        lockPath = store.files.captureLock
    }

    /// The capture lock, waiting (and saying so) while another process holds it, unless `wait`
    /// is false.
    func lock(wait: Bool = true) throws -> CaptureLock {
        try CaptureLock(path: lockPath, wait: wait) {
            Output.error("arkisto: another sync, watch or serve is capturing from this archive; waiting for it to finish")
        }
    }
}
