import Archive
import FinnishText

/// One Finnish analyzer for each worker of a ``ParallelWorkers``. The workers analyse the full-text
/// index columns of what they parse (``NewInteraction/prepareIndexedText(using:)``), so the single
/// writer only replays the tokens.
struct WorkerAnalyzers: Sendable {
    private let analyzers: PerWorker<FinnishAnalyzer>

    /// Nil when an analyzer cannot be created (Voikko's dictionary or ICU missing): the index then
    /// analyses the texts as they are written, and reports the problem there.
    init?(workers: ParallelWorkers) {
        guard let analyzers = PerWorker(workers: workers, trying: { try? FinnishAnalyzer() }) else { return nil }
        self.analyzers = analyzers
    }

    /// Analyses the index columns of the interactions `item` archives, with `worker`'s analyzer.
    func prepareIndexedText(of item: inout ImportItem, worker: Int) {
        guard case .archive(let original, var interactions) = item else { return }
        let prepared = analyzers.with(worker: worker) { analyzer in
            for index in interactions.indices {
                interactions[index].prepareIndexedText(using: analyzer)
            }
            return interactions
        }
        if let prepared { item = .archive(original, prepared) }
    }
}
