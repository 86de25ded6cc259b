import Archive
import Foundation
import Ingest

/// One configured source at work: what it watches, how often it looks without being woken, and
/// one run that archives what is new. A reader may keep state between runs in its process (what
/// it has seen); what must survive a restart is committed to the archive with the items.
protocol SourceReader {
    var name: SourceName { get }
    /// Folders whose changes should wake the source at once.
    var watchedFolders: [String] { get }
    /// How long the source waits between runs when nothing wakes it: a Maildir's rescan, an
    /// IMAP mailbox's poll.
    var interval: Duration { get }
    /// Archives what is new since the last run, up to a bounded amount of work, and says
    /// whether more is waiting.
    mutating func run(_ context: CaptureContext) throws -> SourceRunResult
}

/// What a reader's run did.
struct SourceRunResult {
    var tally = ImportTally()
    /// The arrival time of the newest item read.
    var newestItemAt: Date?
    /// The run stopped at its bound with more input waiting.
    var more = false
    /// What to classify: the interactions the run archived (the scheduler sets the id they
    /// follow), and older ones it amended (a call given its late transcript).
    var classify = ClassificationScope()
}

/// A failure that says whether trying again soon may succeed without anyone changing anything
/// (a server down) or not (a wrong password).
protocol TransientFailure: Error {
    var isTransient: Bool { get }
}

extension IMAPMirrorError: TransientFailure {}
