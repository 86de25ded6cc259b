import Dispatch
import Foundation

/// Where passwords are hashed: at most `width` at once, on threads of its own, never inside the
/// user lookup every request takes. At most `queueLimit` more wait for a turn; beyond that a
/// sign-in is turned away at once (``Busy``) instead of piling up.
actor HashingPool {
    struct Busy: Error {}

    let width: Int
    let queueLimit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private let queue = DispatchQueue(label: "arkisto.server.hashing", qos: .utility, attributes: .concurrent)

    /// By default one core is left for everything else (at most four hash at once).
    init(width: Int = min(4, ProcessInfo.processInfo.activeProcessorCount - 1), queueLimit: Int = 16) {
        self.width = max(1, width)
        self.queueLimit = max(0, queueLimit)
    }

    /// Runs `work` (a password check) when a slot is free.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws(Busy) -> T {
        try await acquire()
        let result = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
        release()
        return result
    }

    /// Hashes running now, and sign-ins waiting for a turn.
    var runningCount: Int { running }
    var waitingCount: Int { waiting.count }

    private func acquire() async throws(Busy) {
        if running < width {
            running += 1
            return
        }
        guard waiting.count < queueLimit else { throw Busy() }
        // `release` hands its slot straight to the first waiter.
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
