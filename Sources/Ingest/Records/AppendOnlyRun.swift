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

    /// Reads one file of the plan with `read` (at most `limit` records, each batch committed with the
    /// checkpoint the closure gives for a position in that file).
    typealias ReadSegment = (
        _ segment: TailSegment, _ limit: Int?, _ checkpoint: @escaping (FileStart) -> SourceCheckpoint?
    ) throws(ImportError) -> RecordBatches.Reached

    func run(_ read: ReadSegment) throws(ImportError) -> TailResult {
        let plan: TailPlan
        do {
            plan = try AppendOnlyTail.plan(path: path, saved: try savedPosition())
        } catch {
            throw .file(error)
        }
        var result = TailResult()
        result.notes = plan.notes
        for segment in plan.segments {
            let limit = maxRecords.map { max($0 - result.records, 0) }
            let reached = try read(segment, limit) { next in
                checkpoint(after: next, in: segment)
            }
            result.records += reached.records
            if reached.stoppedAtLimit {
                result.reachedLimit = true
                break
            }
        }
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
