import Archive
import Foundation
import Ingest

/// What every source's run needs: the archive and the key that hashes personal identity codes.
public struct CaptureContext: Sendable {
    public var archive: ArchiveStore
    public var personalIDKey: PersonalIDKey
    /// The most files or records one run reads before it lets the other sources (and a stop)
    /// have their turn.
    public var maxItemsPerRun: Int
    /// Threads that parse mail during a run.
    public var jobs: Int

    public init(archive: ArchiveStore, personalIDKey: PersonalIDKey, maxItemsPerRun: Int = 2_000, jobs: Int = 2) {
        self.archive = archive
        self.personalIDKey = personalIDKey
        self.maxItemsPerRun = maxItemsPerRun
        self.jobs = jobs
    }
}
