import Archive
import Extract
import Foundation
import MIME

/// How far `arkisto extract --all` has come.
public struct RereadProgress: Sendable, Equatable {
    /// E-mails read again (this run and, when resuming, none before).
    public var interactions = 0
    /// E-mails with attachments still to read when this run started.
    public var total = 0
    /// Attachments that have text now.
    public var attachmentsWithText = 0
    /// Attachments with a problem.
    public var attachmentsWithProblems = 0
    /// Images and pages queued for OCR.
    public var queued = 0

    public init() {}
}

/// `arkisto extract --all`: reads the attachments of every archived e-mail again from its kept
/// original, with the import's reader (``AttachmentReadout``), for archives made before a format
/// could be read: each attachment's text, source and problems, the interaction's attachment text
/// and index row, weak mentions, and OCR work queued anew. The e-mails are read in id order on
/// every core, a few dozen per transaction with a checkpoint (the last id done, in `setting`), so
/// an interrupted run resumes where it stopped. Erased and redacted e-mails (their originals are
/// gone) are skipped.
public struct AttachmentRereading: Sendable {
    public var archive: ArchiveStore
    public var mentions: MentionExtractor
    public var reader: any AttachmentReading
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// E-mails per transaction.
    public var batch = 32

    public init(archive: ArchiveStore, personalIDKey: PersonalIDKey, reader: any AttachmentReading = AttachmentExtractor()) {
        self.archive = archive
        mentions = MentionExtractor(personalIDKey: personalIDKey)
        self.reader = reader
    }

    /// Reads every e-mail after the checkpoint; `progress` is called after each batch. Returns
    /// what was read; the checkpoint is cleared at the end, so the next run reads everything again.
    public func run(
        stop: () -> Bool = { false }, progress: (RereadProgress) -> Void = { _ in }
    ) throws(ImportError) -> RereadProgress {
        var cursor = try archiving { () throws(ArchiveError) in try archive.rereadCheckpoint() } ?? 0
        var done = RereadProgress()
        done.total = try archiving { () throws(ArchiveError) in try archive.countEmailsWithOriginals(after: cursor) }
        progress(done)
        let workers = ParallelWorkers(count: workers)
        while !stop() {
            let ids = try archiving { () throws(ArchiveError) in try archive.emailsWithOriginals(after: cursor, limit: batch) }
            guard let last = ids.last else { break }
            let slots = ResultSlots<InteractionReread>(count: ids.count)
            let failures = ResultSlots<ArchiveError>(count: ids.count)
            workers.forEach(ids.count) { [self] index in
                do throws(ArchiveError) {
                    slots.set(index, try reread(ids[index]))
                } catch {
                    failures.set(index, error)
                }
            }
            if let failure = failures.values().first { throw .archive(failure) }
            let rereads = slots.values()
            try archiving { () throws(ArchiveError) in try archive.storeRereads(rereads, through: last) }
            cursor = last
            done.interactions += ids.count
            for attachment in rereads.flatMap(\.attachments) {
                if attachment.text != nil { done.attachmentsWithText += 1 }
                if !attachment.problems.isEmpty { done.attachmentsWithProblems += 1 }
                done.queued += attachment.pendingRecognition.count
            }
            progress(done)
        }
        if !stop() {
            try archiving { () throws(ArchiveError) in try archive.clearRereadCheckpoint() }
        }
        return done
    }

    /// One e-mail's attachments read again (none when its original is gone).
    func reread(_ id: Int64) throws(ArchiveError) -> InteractionReread {
        let files = try ArchivedAttachments(archive: archive).files(interactionID: id)
        var found: [IdentifierMention] = []
        let attachments = files.map { file in
            let part = Attachment(
                filename: file.attachment.filename, contentType: file.attachment.contentType, data: file.bytes, text: file.text)
            let read = AttachmentReadout(part, reader: reader).attachment
            found += mentions.mentions(inAttachment: read.text, contentType: read.contentType)
            return InteractionReread.Attachment(
                position: file.position, text: read.text, textSource: read.textSource, problems: read.problems,
                pendingRecognition: read.pendingRecognition)
        }
        return InteractionReread(interactionID: id, attachments: attachments, mentions: Array(Set(found)))
    }
}
