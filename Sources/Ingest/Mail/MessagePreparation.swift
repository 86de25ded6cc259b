import Archive
import Extract
import MIME

/// A message on its way into a batch: a listed file not read yet (read by a worker), or an item
/// a mailbox reader already yielded (mbox messages, places that could not be read).
enum PendingMessage: Sendable {
    case file(path: String)
    case read(MailboxItem)
}

/// A batch ready for the writer: its items, and the originals among them packed for storage.
struct PreparedBatch: Sendable {
    var items: [ImportItem]
    var packed: [PackedOriginal]
}

/// Turns a batch of pending messages into import items on the worker threads: reads the files,
/// digests every message, asks the archive once which digests it holds, parses the rest and packs
/// their originals and, given analyzers, analyses their full-text index columns, so that the
/// single writer has less to do.
struct MessagePreparation: Sendable {
    var archive: ArchiveStore
    var limits: ParseLimits
    var ownDomains: Set<String>
    var mentions: MentionExtractor
    /// Reads attachments' text (one for the whole import).
    var reader: any AttachmentReading = AttachmentExtractor()
    var workers: ParallelWorkers
    /// One per worker when the archive's index takes prepared token streams; nil: the index
    /// analyses the texts as they are written.
    var analyzers: WorkerAnalyzers?
    /// A zstd context for each worker, for packing originals.
    var packers: PerWorker<OriginalPacker>

    func prepare(_ batch: [PendingMessage]) throws(ImportError) -> PreparedBatch {
        let read = readAndDigest(batch)
        let known = try archiving { () throws(ArchiveError) in
            try archive.knownOriginals(read.compactMap { $0.original?.digest })
        }
        let slots = ResultSlots<ImportItem>(count: read.count)
        let packedSlots = ResultSlots<PackedOriginal>(count: read.count)
        let limits = self.limits
        let ownDomains = self.ownDomains
        let mentions = self.mentions
        let reader = self.reader
        let analyzers = self.analyzers
        let packers = self.packers
        workers.forEach(read.count) { worker, index in
            var item = Self.importItem(
                read[index], known: known, limits: limits, ownDomains: ownDomains, mentions: mentions, reader: reader)
            if case .archive(let original, _) = item {
                let packed = packers.with(worker: worker) { packer in PackedOriginal(original, packer: packer) }
                packedSlots.set(index, packed ?? PackedOriginal(original))
            }
            analyzers?.prepareIndexedText(of: &item, worker: worker)
            slots.set(index, item)
        }
        return PreparedBatch(items: slots.values(), packed: packedSlots.values())
    }

    private struct ReadMessage: Sendable {
        var item: MailboxItem
        /// Set for a message: its bytes, digest and place.
        var original: IncomingOriginal?
    }

    /// The batch's items in order, files read; a directory among the files is not a message and
    /// drops out, as it does when a mailbox reader lists it.
    private func readAndDigest(_ batch: [PendingMessage]) -> [ReadMessage] {
        let slots = ResultSlots<ReadMessage>(count: batch.count)
        let maxMessageBytes = limits.maxMessageBytes
        workers.forEach(batch.count) { index in
            let item: MailboxItem
            switch batch[index] {
            case .file(let path):
                guard let read = MessageFileListing.read(path, maxMessageBytes: maxMessageBytes) else { return }
                item = read
            case .read(let read):
                item = read
            }
            var original: IncomingOriginal?
            if case .message(let raw) = item {
                original = IncomingOriginal(bytes: raw.bytes, position: SourcePosition(raw.location))
            }
            slots.set(index, ReadMessage(item: item, original: original))
        }
        return slots.values()
    }

    private static func importItem(
        _ read: ReadMessage, known: Set<ContentDigest>, limits: ParseLimits, ownDomains: Set<String>,
        mentions: MentionExtractor, reader: any AttachmentReading
    ) -> ImportItem {
        switch read.item {
        case .unreadable(let location, let reason):
            return .quarantine(QuarantineItem(
                position: SourcePosition(location), reason: .unreadable, detail: reason, original: nil))
        case .oversized(let location, let size, let limit):
            return .quarantine(QuarantineItem(
                position: SourcePosition(location), reason: .messageTooLarge,
                detail: MailboxItem.oversizedReason(size: size, limit: limit), original: nil))
        case .message(let raw):
            let original = read.original ?? IncomingOriginal(bytes: raw.bytes, position: SourcePosition(raw.location))
            if known.contains(original.digest) { return .known(original) }
            return MailImporter.parse(original, limits: limits, ownDomains: ownDomains, mentions: mentions, reader: reader)
        }
    }
}
