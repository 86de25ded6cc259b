import Dispatch
import Foundation
import Ingest
import Logging
import Synchronization

/// `arkisto serve`'s OCR pass: on a thread of its own, recognises the images and scanned pages
/// that imports and capture queue, looking for new ones every few seconds. Stopping lets the pages
/// in flight finish and be stored (each is its own transaction, so even a kill loses nothing).
final class BackgroundRecognition: Sendable {
    private struct State {
        var started = false
        var finished = false
        var stopRequested = false
        /// Who waits in ``stop()`` for the pages in flight.
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let pass: RecognitionPass
    private let logger: Logger
    private let pollInterval: Duration
    private let wake = DispatchSemaphore(value: 0)
    private let state = Mutex(State())

    init(pass: RecognitionPass, logger: Logger, pollInterval: Duration = .seconds(5)) {
        self.pass = pass
        var logger = logger
        logger[metadataKey: "component"] = "ocr"
        self.logger = logger
        self.pollInterval = pollInterval
    }

    /// Starts the thread (once; later calls do nothing).
    func start() {
        let starting = state.withLock { state -> Bool in
            guard !state.started else { return false }
            state.started = true
            return true
        }
        guard starting else { return }
        let thread = Thread { [self] in
            run()
            finish()
        }
        thread.name = "arkisto.ocr"
        thread.start()
    }

    /// Asks the pass to stop after the pages in flight, without waiting for them.
    func requestStop() {
        state.withLock { $0.stopRequested = true }
        wake.signal()
    }

    /// Asks the pass to stop and returns once the pages in flight are stored.
    func stop() async {
        requestStop()
        await withCheckedContinuation { continuation in
            let running = state.withLock { state -> Bool in
                guard state.started && !state.finished else { return false }
                state.waiters.append(continuation)
                return true
            }
            if !running { continuation.resume() }
        }
    }

    private var stopRequested: Bool { state.withLock { $0.stopRequested } }

    private func run() {
        while !stopRequested {
            do {
                if try pass.archive.recognitionJobsWaiting() > 0 {
                    let summary = try pass.run(stop: { [self] in stopRequested })
                    if summary.recognised + summary.failed > 0 {
                        logger.info("OCR: \(summary.recognised) pages recognised, \(summary.failed) failed, \(summary.left) left")
                    }
                }
            } catch {
                logger.error("OCR: \(LogText.escaped("\(error)"))")
            }
            _ = wake.wait(timeout: .now() + .milliseconds(Int(pollInterval.components.seconds * 1000)))
        }
    }

    private func finish() {
        let waiters = state.withLock { state in
            state.finished = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
