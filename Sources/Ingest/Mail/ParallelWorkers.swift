import Dispatch
import Synchronization

/// Runs the iterations of a loop on at most `count` threads (and never more than the cores),
/// each thread taking the next index until none are left, so uneven items balance out.
struct ParallelWorkers: Sendable {
    let count: Int

    init(count: Int) {
        self.count = max(count, 1)
    }

    func forEach(_ iterations: Int, _ body: @Sendable (Int) -> Void) {
        forEach(iterations) { _, index in body(index) }
    }

    /// Also tells `body` which worker runs it: a number in `0..<count`, never used by two threads
    /// at once, so each worker can keep state of its own (see ``WorkerAnalyzers``).
    func forEach(_ iterations: Int, _ body: @Sendable (_ worker: Int, _ index: Int) -> Void) {
        guard iterations > 0 else { return }
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(count, iterations)) { worker in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < iterations else { return }
                body(worker, index)
            }
        }
    }
}
