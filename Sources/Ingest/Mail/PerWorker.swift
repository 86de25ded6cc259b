import Synchronization

/// One value for each worker of a ``ParallelWorkers``, for state that one thread at a time may
/// use (ICU, Voikko and Snowball handles, zstd contexts), kept for a whole import so that caches
/// stay warm. Each value sits behind its own lock and worker `n` only ever takes value `n`, so no
/// lock is contended.
final class PerWorker<Value>: Sendable {
    private final class Slot: Sendable {
        let value: Mutex<Value>

        init(_ value: consuming sending Value) {
            self.value = Mutex(value)
        }
    }

    private let slots: [Slot]

    init(workers: ParallelWorkers, make: () -> sending Value) {
        var slots: [Slot] = []
        for _ in 0..<workers.count {
            slots.append(Slot(make()))
        }
        self.slots = slots
    }

    /// Nil when `make` fails for a worker.
    init?(workers: ParallelWorkers, trying make: () -> sending Value?) {
        var slots: [Slot] = []
        for _ in 0..<workers.count {
            guard let value = make() else { return nil }
            slots.append(Slot(value))
        }
        self.slots = slots
    }

    /// Runs `body` with `worker`'s value; nil for a worker number out of range.
    func with<Result: Sendable>(worker: Int, _ body: (inout sending Value) -> sending Result) -> Result? {
        guard slots.indices.contains(worker) else { return nil }
        return slots[worker].value.withLock { value in body(&value) }
    }
}
