import Archive
import Foundation

/// An IMAP mailbox captured through its mirror: mbsync fetches what arrived into the staging
/// Maildir (read-only on the server), and the Maildir reader archives it and deletes the staged
/// copy, so that the archive (where erasure and retention reach) holds the only copy; mbsync's
/// state remembers what it fetched and does not fetch it again. When the server cannot be
/// reached, what the mirror holds is still archived before the failure is reported.
struct IMAPReader: SourceReader {
    let name: SourceName
    let settings: IMAPSettings
    private let mirror: MbsyncMirror
    private var staged: MaildirReader
    /// The last run stopped with mirrored messages still to archive: archive them before
    /// mirroring again.
    private var backlog = false

    /// `staging`: the source's own folder under the archive's capture folder.
    init(name: SourceName, settings: IMAPSettings, staging: String) {
        self.name = name
        self.settings = settings
        mirror = MbsyncMirror(settings: settings, staging: staging)
        staged = MaildirReader(name: name, folder: mirror.maildir)
        staged.prepare = SyncMarkerRemoval.removeMarker(from:)
        staged.removesArchivedFiles = true
    }

    /// The mirror changes only when this reader runs mbsync: nothing to watch.
    var watchedFolders: [String] { [] }
    var interval: Duration { .seconds(settings.pollSeconds) }

    /// How long one mirror may take before it is stopped (the next run resumes it).
    static let mirrorTimeout: Duration = .seconds(300)

    mutating func run(_ context: CaptureContext) throws -> SourceRunResult {
        try CaptureFolder.prepare(context.archive.files.captureFolder)
        var mirrorFailure: IMAPMirrorError?
        if !backlog {
            do {
                _ = try mirror.run(timeout: Self.mirrorTimeout)
            } catch {
                mirrorFailure = error
            }
        }
        var result = SourceRunResult()
        if FileManager.default.fileExists(atPath: mirror.maildir + "/new") {
            result = try staged.run(context)
        }
        backlog = result.more
        if let mirrorFailure { throw mirrorFailure }
        return result
    }
}
