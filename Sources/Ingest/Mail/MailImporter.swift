import Archive
import Dispatch
import Foundation
import MIME

/// Imports Maildir folders, mbox files and .eml files into an archive.
///
/// Messages are read in batches bounded by count and bytes, parsed on all cores, and written by
/// the single writer one transaction per batch. Every message read ends up archived, already
/// present (same bytes archived before) or quarantined with its reason; a rerun over the same
/// input adds nothing, which is also how an interrupted import is completed.
public struct MailImporter: Sendable {
    public var archive: ArchiveStore
    public var mentions: MentionExtractor
    public var limits: ParseLimits
    public var mboxFlavour: MboxFlavour
    public var batchMessages = 512
    public var batchBytes = 16 << 20

    public init(
        archive: ArchiveStore, personalIDKey: PersonalIDKey, limits: ParseLimits = .default, mboxFlavour: MboxFlavour = .mboxrd
    ) {
        self.archive = archive
        mentions = MentionExtractor(personalIDKey: personalIDKey)
        self.limits = limits
        self.mboxFlavour = mboxFlavour
    }

    /// Imports everything under `paths`. `progress` is called after each batch with the running tally.
    public func run(
        paths: [String], progress: (ImportTally) -> Void = { _ in }
    ) throws(ImportError) -> ImportTally {
        var sources: [MailSource] = []
        for path in paths {
            do {
                sources += try MailSource.discover(path)
            } catch {
                throw .source(error)
            }
        }
        let run = try archiving { () throws(ArchiveError) in
            try archive.beginImportRun(sourceKind: "mail", arguments: paths)
        }
        let ownDomains = Set(try archiving { () throws(ArchiveError) in try archive.ownDomains() })
        let writer = WritePipeline(archive: archive, run: run)
        var batch: [MailboxItem] = []
        var batchSize = 0

        func flush() throws(ImportError) {
            guard !batch.isEmpty else { return }
            try writer.submit(try prepare(batch, ownDomains: ownDomains))
            batch.removeAll(keepingCapacity: true)
            batchSize = 0
            progress(writer.tally)
        }

        for source in sources {
            var reader = MailboxReader(source, mboxFlavour: mboxFlavour, maxMessageBytes: limits.maxMessageBytes)
            while let item = reader.next() {
                batch.append(item)
                if case .message(let raw) = item { batchSize += raw.bytes.count }
                if batch.count >= batchMessages || batchSize >= batchBytes {
                    try flush()
                }
            }
        }
        try flush()
        let tally = try writer.finish()
        progress(tally)
        try archiving { () throws(ArchiveError) in try archive.finishImportRun(run, tally: tally) }
        return tally
    }

    /// Digests every message, skips those archived before, and parses the rest in parallel.
    private func prepare(_ batch: [MailboxItem], ownDomains: Set<String>) throws(ImportError) -> [ImportItem] {
        let originals: [IncomingOriginal?] = batch.map { item in
            guard case .message(let raw) = item else { return nil }
            return IncomingOriginal(bytes: raw.bytes, position: SourcePosition(raw.location))
        }
        let known = try archiving { () throws(ArchiveError) in
            try archive.knownOriginals(originals.compactMap { $0?.digest })
        }
        let slots = ResultSlots<ImportItem>(count: batch.count)
        let limits = self.limits
        let mentions = self.mentions
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            let item: ImportItem
            switch batch[index] {
            case .unreadable(let location, let reason):
                item = .quarantine(QuarantineItem(
                    position: SourcePosition(location), reason: .unreadable, detail: reason, original: nil))
            case .oversized(let location, let size, let limit):
                item = .quarantine(QuarantineItem(
                    position: SourcePosition(location), reason: .messageTooLarge,
                    detail: MailboxItem.oversizedReason(size: size, limit: limit), original: nil))
            case .message:
                guard let original = originals[index] else { return }
                item = known.contains(original.digest) ? .known(original) : Self.parse(original, limits: limits, ownDomains: ownDomains, mentions: mentions)
            }
            slots.set(index, item)
        }
        return slots.values()
    }

    static func parse(
        _ original: IncomingOriginal, limits: ParseLimits, ownDomains: Set<String>, mentions: MentionExtractor
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
                email: message, digest: original.digest, ownDomains: ownDomains, mentions: mentions))
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
