import Archive
import Dispatch
import Synchronization

/// The single archive writer, running beside the preparation of the next batches: while one batch
/// is written (its full-text index fed from token streams the workers analysed, or its text
/// analysed by the FTS5 tokenizer; its originals packed by the workers, or here), the next is read
/// and parsed on the other cores. At most `depth` prepared batches wait, so memory stays bounded.
final class WritePipeline: Sendable {
    private struct State {
        var tally = ImportTally()
        var bytes: Int64 = 0
        var failure: ArchiveError?
    }

    private let archive: ArchiveStore
    private let run: ImportRunID
    private let queue = DispatchQueue(label: "arkisto.archive-writer")
    private let slots: DispatchSemaphore
    private let state = Mutex(State())

    init(archive: ArchiveStore, run: ImportRunID, depth: Int = 2) {
        self.archive = archive
        self.run = run
        slots = DispatchSemaphore(value: depth)
    }

    /// What has been written so far.
    var tally: ImportTally { state.withLock { $0.tally } }

    /// The input bytes of the batches written so far.
    var bytesWritten: Int64 { state.withLock { $0.bytes } }

    /// Queues a batch for writing; waits while `depth` batches are already waiting. Throws the
    /// first write failure, after which nothing more is written. `packed` holds originals of the
    /// batch already packed for storage; `bytes` is the batch's input size, for progress;
    /// `checkpoint`, where the source stands after the batch, is committed with it.
    func submit(
        _ items: [ImportItem], packed: [PackedOriginal] = [], bytes: Int64 = 0, checkpoint: SourceCheckpoint? = nil
    ) throws(ImportError) {
        try rethrowFailure()
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard state.withLock({ $0.failure == nil }) else { return }
            do throws(ArchiveError) {
                let outcomes = try archive.write(items, packed: packed, run: run, checkpoint: checkpoint)
                state.withLock { state in
                    outcomes.forEach { state.tally.add($0) }
                    state.bytes += bytes
                }
            } catch {
                state.withLock { $0.failure = error }
            }
        }
    }

    /// Waits for every queued batch and returns the tally, or the first failure.
    func finish() throws(ImportError) -> ImportTally {
        queue.sync {}
        try rethrowFailure()
        return tally
    }

    private func rethrowFailure() throws(ImportError) {
        if let failure = state.withLock({ $0.failure }) {
            throw .archive(failure)
        }
    }
}
