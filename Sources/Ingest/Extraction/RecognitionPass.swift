import Archive
import Dispatch
import Extract
import Foundation
import Synchronization

/// How far an OCR pass has come.
public struct RecognitionProgress: Sendable, Equatable {
    /// Images and pages whose text was stored.
    public var recognised = 0
    /// Images and pages OCR could not read (the reason is on the attachment).
    public var failed = 0
    /// Queued when the pass started, and queued by imports while it ran.
    public var total = 0

    public init() {}

    public var done: Int { recognised + failed }
}

/// What an OCR pass did, and what it left queued (stopped early, or queued meanwhile).
public struct RecognitionSummary: Sendable, Equatable {
    public var recognised: Int
    public var failed: Int
    public var left: Int
    public var seconds: Double
}

/// The OCR pass (`arkisto extract`, after `arkisto import`, in the background of `arkisto
/// serve`): recognises the images and text-less PDF pages queued at import, one worker per core.
/// Each result is stored in its own transaction that also takes the job off the queue
/// (``ArchiveStore/completeRecognition(_:_:mentions:)``), so a pass killed at any moment loses
/// nothing, and the next one does only what is left. The attachment is read again from the
/// interaction's original for every target.
public struct RecognitionPass: Sendable {
    public var archive: ArchiveStore
    public var mentions: MentionExtractor
    public var reader: any AttachmentReading
    /// Pages recognised at once (default: one per core).
    public var workers = ProcessInfo.processInfo.activeProcessorCount

    public init(archive: ArchiveStore, personalIDKey: PersonalIDKey, reader: any AttachmentReading = AttachmentExtractor()) {
        self.archive = archive
        mentions = MentionExtractor(personalIDKey: personalIDKey)
        self.reader = reader
    }

    /// Recognises queued targets until none is left or `stop` returns true (the pages in flight
    /// are finished and stored first). `progress` is called on the calling thread about twice a
    /// second and once at the end.
    public func run(
        stop: @escaping @Sendable () -> Bool = { false }, progress: (RecognitionProgress) -> Void = { _ in }
    ) throws(ImportError) -> RecognitionSummary {
        let started = Date()
        let claims = RecognitionClaims(archive: archive, waiting: try archiving { () throws(ArchiveError) in
            try archive.recognitionJobsWaiting()
        })
        let finished = DispatchGroup()
        let count = max(workers, 1)
        DispatchQueue.global().async(group: finished) { [self] in
            DispatchQueue.concurrentPerform(iterations: count) { _ in
                while !stop(), let job = claims.next() {
                    do throws(ArchiveError) {
                        claims.record(try recognise(job))
                    } catch {
                        claims.fail(error)
                    }
                }
            }
        }
        while finished.wait(timeout: .now() + .milliseconds(500)) == .timedOut {
            progress(claims.progress)
        }
        progress(claims.progress)
        if let failure = claims.failure { throw .archive(failure) }
        let done = claims.progress
        let left = try archiving { () throws(ArchiveError) in try archive.recognitionJobsWaiting() }
        return RecognitionSummary(
            recognised: done.recognised, failed: done.failed, left: left,
            seconds: Date().timeIntervalSince(started))
    }

    /// Recognises one target and stores the outcome; nil when the job was no longer queued.
    func recognise(_ job: RecognitionJob) throws(ArchiveError) -> RecognitionOutcome? {
        let outcome: RecognitionOutcome
        var found: [IdentifierMention] = []
        if let target = OCRTarget(queued: job.target),
           let file = try ArchivedAttachments(archive: archive).file(interactionID: job.interactionID, index: job.attachmentPosition) {
            let attachment = AttachmentFile(
                filename: file.attachment.filename, contentType: file.attachment.contentType, bytes: file.bytes)
            switch reader.recognise(target, in: attachment) {
            case .text(let text):
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                outcome = .text(trimmed)
                found = mentions.mentions(inText: trimmed, role: .attachment)
            case .failed(let problem):
                outcome = .failed(problem: problem.description)
            }
        } else {
            let detail = OCRTarget(queued: job.target) == nil
                ? "the queued target is not one Arkisto reads" : "the attachment is no longer in the archive's original"
            outcome = .failed(problem: ExtractionProblem(.malformed, location: job.label, detail: detail).description)
        }
        return try archive.completeRecognition(job, outcome, mentions: found) ? outcome : nil
    }
}

/// The jobs of one pass handed to its workers, each once: read from the queue a few at a time,
/// in queue order, and what became of them.
final class RecognitionClaims: Sendable {
    private struct State {
        var ready: [RecognitionJob] = []
        /// The last job id read from the queue.
        var cursor: Int64 = 0
        var exhausted = false
        var progress = RecognitionProgress()
        var failure: ArchiveError?
    }

    private let archive: ArchiveStore
    private let state: Mutex<State>
    private static let readAhead = 32

    init(archive: ArchiveStore, waiting: Int) {
        self.archive = archive
        var initial = State()
        initial.progress.total = waiting
        state = Mutex(initial)
    }

    var progress: RecognitionProgress { state.withLock { $0.progress } }
    var failure: ArchiveError? { state.withLock { $0.failure } }

    /// The next job, nil when the queue is empty (or the pass failed).
    func next() -> RecognitionJob? {
        state.withLock { state in
            guard state.failure == nil else { return nil }
            if state.ready.isEmpty && !state.exhausted {
                do throws(ArchiveError) {
                    let read = try archive.recognitionJobs(after: state.cursor, limit: Self.readAhead)
                    state.ready = read.reversed()
                    state.cursor = read.last?.id ?? state.cursor
                    state.exhausted = read.isEmpty
                    // Jobs queued after the pass started (an import running meanwhile).
                    state.progress.total = max(state.progress.total, state.progress.done + state.ready.count)
                } catch {
                    state.failure = error
                }
            }
            return state.ready.popLast()
        }
    }

    func record(_ outcome: RecognitionOutcome?) {
        state.withLock { state in
            switch outcome {
            case .text?: state.progress.recognised += 1
            case .failed?: state.progress.failed += 1
            case nil: state.progress.total -= 1
            }
        }
    }

    func fail(_ error: ArchiveError) {
        state.withLock { state in
            if state.failure == nil { state.failure = error }
        }
    }
}
