import Archive
import Formats

/// Drives a line- or row-based source into the archive: each record becomes its ``ImportItem``s
/// (or a quarantined record with its line and reason), written in batches by the single writer.
/// A record usually makes one item; a helpdesk ticket over the comment limit makes two (its first
/// comments archived, the rest quarantined).
struct RecordBatches {
    var archive: ArchiveStore
    var batchRecords = 1_000

    /// Where reading a file got to.
    struct Reached {
        /// Records read (archived, present or quarantined).
        var records = 0
        /// Where reading continues: after the last record read.
        var next: FileStart
        /// Whether reading stopped at the record limit rather than at the end of the input.
        var stoppedAtLimit = false
    }

    /// Reads `records` into the writer. With `checkpoint`, each batch is committed together with the
    /// checkpoint it gives for the position after the batch's last record (and, at the end, one for
    /// where reading stopped, even when no record was read). At most `limit` records are read.
    @discardableResult
    func run<Value: Sendable>(
        _ records: some Sequence<Result<SourceRecord<Value>, RecordError>>,
        into writer: WritePipeline,
        from start: FileStart = .beginning,
        limit: Int? = nil,
        checkpoint: ((FileStart) -> SourceCheckpoint?)? = nil,
        progress: (ImportTally) -> Void,
        prepare: (SourceRecord<Value>) -> [ImportItem]
    ) throws(ImportError) -> Reached {
        var reached = Reached(next: start)
        var batch: [ImportItem] = []
        batch.reserveCapacity(batchRecords)
        var pending = checkpoint != nil
        for record in records {
            if let limit, reached.records >= limit {
                reached.stoppedAtLimit = true
                break
            }
            switch record {
            case .success(let record):
                batch.append(contentsOf: prepare(record))
                reached.next = record.after
            case .failure(let error):
                batch.append(.quarantine(error.quarantineItem(keeping: error.raw)))
                reached.next = error.after
            }
            reached.records += 1
            pending = checkpoint != nil
            if batch.count >= batchRecords {
                try writer.submit(batch, checkpoint: checkpoint?(reached.next))
                batch.removeAll(keepingCapacity: true)
                pending = false
                progress(writer.tally)
            }
        }
        if !batch.isEmpty || pending {
            try writer.submit(batch, checkpoint: checkpoint?(reached.next))
        }
        return reached
    }
}

extension RecordError {
    /// The record set aside with its reason and `bytes` (its raw bytes, or a masked copy of them).
    func quarantineItem(keeping bytes: [UInt8]) -> QuarantineItem {
        let position = SourcePosition(path: path, offset: byteOffset)
        return QuarantineItem(
            position: position, reason: .malformedRecord, detail: "line \(line): \(reason)",
            original: IncomingOriginal(bytes: bytes, position: position))
    }
}

extension SourceRecord {
    func position(in path: String) -> SourcePosition {
        SourcePosition(path: path, offset: byteOffset)
    }
}
