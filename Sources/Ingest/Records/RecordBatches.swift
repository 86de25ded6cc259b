import Archive
import Formats

/// Drives a line- or row-based source into the archive: each record becomes its ``ImportItem``s
/// (or a quarantined record with its line and reason), written in batches by the single writer.
/// A record usually makes one item; a helpdesk ticket over the comment limit makes two (its first
/// comments archived, the rest quarantined).
struct RecordBatches {
    var archive: ArchiveStore
    var batchRecords = 1_000

    func run<Value: Sendable>(
        _ records: some Sequence<Result<SourceRecord<Value>, RecordError>>,
        into writer: WritePipeline,
        progress: (ImportTally) -> Void,
        prepare: (SourceRecord<Value>) -> [ImportItem]
    ) throws(ImportError) {
        var batch: [ImportItem] = []
        batch.reserveCapacity(batchRecords)
        for record in records {
            switch record {
            case .success(let record): batch.append(contentsOf: prepare(record))
            case .failure(let error): batch.append(.quarantine(error.quarantineItem(keeping: error.raw)))
            }
            if batch.count >= batchRecords {
                try writer.submit(batch)
                batch.removeAll(keepingCapacity: true)
                progress(writer.tally)
            }
        }
        if !batch.isEmpty {
            try writer.submit(batch)
        }
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
