import Archive
import FinnishText
import Synchronization

/// One Finnish analyzer for each worker of a ``ParallelWorkers``, kept for a whole import so that
/// their word caches stay warm. The workers analyse the full-text index columns of what they parse
/// (``NewInteraction/prepareIndexedText(using:)``), so the single writer only replays the tokens.
///
/// An analyzer owns ICU, Voikko and Snowball handles that only one thread at a time may use. Each
/// sits behind its own lock, and worker `n` only ever takes analyzer `n`, so no lock is contended.
final class WorkerAnalyzers: Sendable {
    private final class Slot: Sendable {
        let analyzer: Mutex<FinnishAnalyzer>

        init(_ analyzer: consuming sending FinnishAnalyzer) {
            self.analyzer = Mutex(analyzer)
        }
    }

    private let slots: [Slot]

    /// Nil when an analyzer cannot be created (Voikko's dictionary or ICU missing): the index then
    /// analyses the texts as they are written, and reports the problem there.
    init?(workers: ParallelWorkers) {
        var slots: [Slot] = []
        for _ in 0..<workers.count {
            guard let slot = Self.slot() else { return nil }
            slots.append(slot)
        }
        self.slots = slots
    }

    private static func slot() -> Slot? {
        do {
            return Slot(try FinnishAnalyzer())
        } catch {
            return nil
        }
    }

    /// Analyses the index columns of the interactions `item` archives, with `worker`'s analyzer.
    func prepareIndexedText(of item: inout ImportItem, worker: Int) {
        guard case .archive(let original, var interactions) = item, slots.indices.contains(worker) else { return }
        slots[worker].analyzer.withLock { analyzer in
            for index in interactions.indices {
                interactions[index].prepareIndexedText(using: analyzer)
            }
        }
        item = .archive(original, interactions)
    }
}
