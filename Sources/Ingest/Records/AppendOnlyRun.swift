import Archive
import Foundation
import Formats

/// One run over a file that grows at its end: where the last run stopped comes from the archive's
/// checkpoint of the source; the files to read (the rest of a rotated file first) from
/// ``AppendOnlyTail``; each batch is committed with the checkpoint after its last record, so a run
/// killed at any moment goes on where its last committed batch ended.
struct AppendOnlyRun {
    var archive: ArchiveStore
    /// The source's checkpoint key.
    var key: String
    var path: String
    var maxRecords: Int?

    /// Reads the files of the plan as one import run of `sourceKind`: `open` makes the reader of a
    /// file (starting where the plan says, holding an incomplete last record of the live file),
    /// `prepare` the items of a record read from it.
    func run<Reader: Sequence, Value: Sendable>(
        sourceKind: String,
        progress: (ImportTally) -> Void,
        open: (TailSegment) throws(FormatFileError) -> Reader,
        prepare: (SourceRecord<Value>, TailSegment) -> [ImportItem]
    ) throws(ImportError) -> TailResult where Reader.Element == Result<SourceRecord<Value>, RecordError> {
        let plan: TailPlan
        do {
            plan = try AppendOnlyTail.plan(path: path, saved: try savedPosition())
        } catch {
            throw .file(error)
        }
        let run = try archiving { () throws(ArchiveError) in
            try archive.beginImportRun(sourceKind: sourceKind, arguments: [path])
        }
        let writer = WritePipeline(archive: archive, run: run)
        var result = TailResult()
        result.notes = plan.notes
        for segment in plan.segments {
            let reader: Reader
            do {
                reader = try open(segment)
            } catch {
                throw .file(error)
            }
            let reached = try RecordBatches(archive: archive).run(
                reader, into: writer, from: segment.start, limit: maxRecords.map { max($0 - result.records, 0) },
                checkpoint: { next in checkpoint(after: next, in: segment) }, progress: progress
            ) { record in
                prepare(record, segment)
            }
            result.records += reached.records
            if reached.stoppedAtLimit {
                result.reachedLimit = true
                break
            }
        }
        result.tally = try writer.finish()
        try archiving { () throws(ArchiveError) in try archive.finishImportRun(run, tally: result.tally) }
        return result
    }

    private func savedPosition() throws(FormatFileError) -> AppendOnlyPosition? {
        let state: String?
        do {
            state = try archive.checkpoint(of: key)
        } catch {
            throw FormatFileError(path: path, reason: "cannot read the checkpoint of source '\(key)': \(error)")
        }
        guard let state else { return nil }
        do {
            return try JSONDecoder().decode(AppendOnlyPosition.self, from: Data(state.utf8))
        } catch {
            throw FormatFileError(
                path: path,
                reason: "the checkpoint of source '\(key)' is not a file position (\(error)); remove it to read the file from the start")
        }
    }

    /// The checkpoint for having read `segment` up to `next`; nil (the old checkpoint stays) when
    /// the file cannot be read for its fingerprint, so that the next run reads those records again.
    private func checkpoint(after next: FileStart, in segment: TailSegment) -> SourceCheckpoint? {
        guard case .success(let position) = AppendOnlyPosition.after(next, in: segment.file, identity: segment.identity),
              let json = try? JSONEncoder().encode(position)
        else { return nil }
        return SourceCheckpoint(source: key, state: String(decoding: json, as: UTF8.self))
    }
}
