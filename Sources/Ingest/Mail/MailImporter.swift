import Archive
import Extract
import Foundation
import MIME

/// Imports Maildir folders, mbox files and .eml files into an archive.
///
/// Messages go in batches bounded by count and bytes: files are read, digested and parsed on
/// `jobs` threads, and the single writer stores each batch in one transaction while the next one
/// is prepared. At most a few batches are in memory, whatever the input size. Every message read
/// ends up archived, already present (same bytes archived before) or quarantined with its reason.
///
/// Crash-safe and resumable: a batch's originals, their places and its interactions commit
/// together, so running the same import again after an interruption (even `kill -9` or a power
/// loss) skips the files already archived, recognises mbox messages already archived by their
/// SHA-256, and writes the rest — nothing lost, nothing twice. For the same reason a run over a
/// Maildir that gained files reads only the new ones.
public struct MailImporter: Sendable {
    public var archive: ArchiveStore
    public var mentions: MentionExtractor
    public var limits: ParseLimits
    public var mboxFlavour: MboxFlavour
    /// Threads that read, digest and parse messages (the writer has its own).
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    public var batchMessages = 1_024
    public var batchBytes = 32 << 20
    /// The first batch's size: the writer starts when it is ready (later batches double in size
    /// up to `batchMessages`).
    static let firstBatchMessages = 64
    /// Read every file again, even those the archive holds at the same path.
    public var rescan = false
    /// Files of a folder listed, and looked up in the archive, at a time: the plan never holds more
    /// (``MailImportPlan``).
    public var listingChunk = 4_096
    /// Lets the full-text index merge less while loading and merges once at the end.
    public var bulkLoad = true
    /// Analyses the full-text index columns on the parsing threads, leaving the writer only the
    /// replay of their tokens (archives with the `finnish` tokenizer; the index is the same).
    public var analyzeOnWorkers = true
    /// Reads the attachments' text on the parsing threads; the images it finds are queued for the
    /// OCR pass (``RecognitionPass``).
    public var reader: any AttachmentReading = AttachmentExtractor()

    public init(
        archive: ArchiveStore, personalIDKey: PersonalIDKey, limits: ParseLimits = .default, mboxFlavour: MboxFlavour = .mboxrd
    ) {
        self.archive = archive
        mentions = MentionExtractor(personalIDKey: personalIDKey)
        self.limits = limits
        self.mboxFlavour = mboxFlavour
    }

    /// Imports everything under `paths`. `progress` is called after each batch is handed to the
    /// writer and once at the end.
    public func run(
        paths: [String], progress: (MailImportProgress) -> Void = { _ in }
    ) throws(ImportError) -> ImportTally {
        try run(
            MailImportPlan(paths: paths, archive: archive, rescan: rescan, chunk: listingChunk), arguments: paths,
            progress: progress)
    }

    /// Imports these message files (a Maildir's, as its watcher found them), each one message
    /// whatever its first line; files the archive holds at the same path are not read again.
    public func run(
        messageFiles: [String], progress: (MailImportProgress) -> Void = { _ in }
    ) throws(ImportError) -> ImportTally {
        try run(
            MailImportPlan(messageFiles: messageFiles, archive: archive, rescan: rescan, chunk: listingChunk),
            arguments: messageFiles, progress: progress)
    }

    private func run(
        _ plan: MailImportPlan, arguments: [String], progress: (MailImportProgress) -> Void
    ) throws(ImportError) -> ImportTally {
        if plan.isUnchanged {
            // Nothing new: no import run is recorded for it.
            var tally = ImportTally()
            tally.alreadyPresent = plan.survey.unchangedFiles
            progress(MailImportProgress(tally: tally, bytesDone: 0, bytesTotal: 0, unchangedFiles: plan.survey.unchangedFiles))
            return tally
        }
        let run = try archiving { () throws(ArchiveError) in
            try archive.beginImportRun(sourceKind: "mail", arguments: arguments)
        }
        if bulkLoad {
            try archiving { () throws(ArchiveError) in try archive.beginBulkLoad() }
        }
        let workers = ParallelWorkers(count: jobs)
        let streamsAccepted = try archiving { () throws(ArchiveError) in try archive.indexTokenizer() }?.acceptsTokenStreams
        let preparation = MessagePreparation(
            archive: archive, limits: limits,
            ownDomains: Set(try archiving { () throws(ArchiveError) in try archive.ownDomains() }),
            mentions: mentions, reader: reader, workers: workers,
            analyzers: analyzeOnWorkers && streamsAccepted == true ? WorkerAnalyzers(workers: workers) : nil,
            packers: PerWorker(workers: workers, make: { OriginalPacker() }))
        let writer = WritePipeline(archive: archive, run: run)

        // Files left out as archived at the same path, counted as the walk meets them.
        var unchangedFiles = 0
        func report(_ tally: ImportTally) {
            var counted = tally
            counted.alreadyPresent += unchangedFiles
            progress(MailImportProgress(
                tally: counted, bytesDone: writer.bytesWritten, bytesTotal: plan.survey.bytesToRead,
                unchangedFiles: unchangedFiles))
        }

        var batch: [PendingMessage] = []
        var batchSize: Int64 = 0
        var batchLimit = min(Self.firstBatchMessages, batchMessages)
        func add(_ message: PendingMessage, bytes: Int64) throws(ImportError) {
            batch.append(message)
            batchSize += bytes
            if batch.count >= batchLimit || batchSize >= Int64(batchBytes) {
                try flush()
            }
        }
        func flush() throws(ImportError) {
            guard !batch.isEmpty else { return }
            batchLimit = min(batchLimit * 2, batchMessages)
            let prepared = try preparation.prepare(batch)
            try writer.submit(prepared.items, packed: prepared.packed, bytes: batchSize)
            batch.removeAll(keepingCapacity: true)
            batchSize = 0
            report(writer.tally)
        }

        report(ImportTally())
        try plan.walk { step throws(ImportError) in
            switch step {
            case .files(let files, let problems, let unchanged):
                unchangedFiles += unchanged
                for problem in problems {
                    try add(.read(problem), bytes: 0)
                }
                for file in files {
                    try add(.file(path: file.path), bytes: file.size)
                }
            case .mbox(let source):
                var reader = MailboxReader(source, mboxFlavour: mboxFlavour, maxMessageBytes: limits.maxMessageBytes)
                while let item = reader.next() {
                    let bytes: Int64 = if case .message(let raw) = item { Int64(raw.bytes.count) } else { 0 }
                    try add(.read(item), bytes: bytes)
                }
            }
        }
        try flush()
        let written = try writer.finish()
        if bulkLoad {
            try archiving { () throws(ArchiveError) in try archive.finishBulkLoad() }
        }
        report(written)
        var tally = written
        tally.alreadyPresent += unchangedFiles
        try archiving { () throws(ArchiveError) in try archive.finishImportRun(run, tally: tally) }
        return tally
    }

    static func parse(
        _ original: IncomingOriginal, limits: ParseLimits, ownDomains: Set<String>, mentions: MentionExtractor,
        reader: any AttachmentReading
    ) -> ImportItem {
        if original.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return .quarantine(QuarantineItem(
                position: original.position, reason: .notAMessage, detail: "empty file", original: original))
        }
        do {
            let message = try MessageParser.parse(original.bytes, limits: limits)
            if message.headers.fields.isEmpty {
                return .quarantine(QuarantineItem(
                    position: original.position, reason: .notAMessage,
                    detail: "no header fields: not an Internet message", original: original))
            }
            return .archive(original, NewInteraction(
                email: message, digest: original.digest, ownDomains: ownDomains, mentions: mentions, reader: reader))
        } catch {
            return .quarantine(QuarantineItem(
                position: original.position, reason: QuarantineReason(error.limit), detail: error.description,
                original: original))
        }
    }
}

extension SourcePosition {
    init(_ location: SourceLocation) {
        self.init(path: location.path, offset: location.offset ?? 0)
    }
}

extension QuarantineReason {
    init(_ limit: LimitExceeded.Limit) {
        switch limit {
        case .messageSize: self = .messageTooLarge
        case .headerLineLength: self = .headerLineTooLong
        case .partCount: self = .tooManyParts
        }
    }
}

func archiving<T>(_ body: () throws(ArchiveError) -> T) throws(ImportError) -> T {
    do {
        return try body()
    } catch {
        throw .archive(error)
    }
}
