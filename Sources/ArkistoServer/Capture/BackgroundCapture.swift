import Capture
import Foundation
import Logging
import Synchronization

/// `arkisto serve`'s capture: the archive's sources run continuously, as `arkisto watch` runs
/// them, on a thread of their own (the scheduler is synchronous and blocks), so the web app's
/// threads are never held. It first takes the archive's capture lock, waiting while another
/// `sync`, `watch` or `serve` holds it; the web app serves meanwhile. Each run is logged and
/// counted in the metrics.
final class BackgroundCapture: Sendable {
    enum Phase: Sendable, Equatable {
        /// Not started (the web app is not listening yet).
        case idle
        /// Started; another process holds the capture lock.
        case waitingForLock
        /// Holding the lock, running the sources.
        case capturing
        /// Stopped, or ended by an error (logged).
        case finished
    }

    private struct State {
        var phase = Phase.idle
        /// Who waits in ``stop()`` for the run in flight to end.
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let context: CaptureContext
    private let lockPath: String
    private let metrics: ServerMetrics
    private let logger: Logger
    private let stopSignal = StopSignal()
    private let state = Mutex(State())

    init(context: CaptureContext, metrics: ServerMetrics, logger: Logger) {
        self.context = context
        lockPath = context.archive.files.captureLock
        self.metrics = metrics
        var logger = logger
        logger[metadataKey: "component"] = "capture"
        self.logger = logger
    }

    var phase: Phase { state.withLock { $0.phase } }

    /// Starts the capture thread (once; later calls do nothing).
    func start() {
        let starting = state.withLock { state -> Bool in
            guard state.phase == .idle else { return false }
            state.phase = .waitingForLock
            return true
        }
        guard starting else { return }
        let thread = Thread { [self] in run() }
        thread.name = "arkisto.capture"
        // The same stack as `arkisto watch` has on the main thread: parsing mail recurses.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Asks the capture to stop and returns once the batch in flight is committed. A capture
    /// still waiting for the lock has nothing in flight: it is left waiting (the process is
    /// ending, which releases everything) and this returns at once.
    func stop() async {
        stopSignal.request()
        await withCheckedContinuation { continuation in
            let inFlight = state.withLock { state -> Bool in
                guard state.phase == .capturing else { return false }
                state.waiters.append(continuation)
                return true
            }
            if !inFlight { continuation.resume() }
        }
    }

    private func run() {
        captureHoldingTheLock()
        finish()
    }

    /// Takes the capture lock and runs the sources until stopped; the lock is released when this
    /// returns.
    private func captureHoldingTheLock() {
        let lock: CaptureLock
        do {
            lock = try CaptureLock(path: lockPath) {
                logger.notice("another sync, watch or serve is capturing from this archive; capture starts when it ends")
            }
        } catch {
            logger.error("capture is off: \(LogText.escaped(error.description))")
            return
        }
        defer { withExtendedLifetime(lock) {} }
        let capturing = state.withLock { state -> Bool in
            // Checked under the lock that stop() reads the phase under: a stop asked while
            // waiting for the capture lock is never missed.
            guard !stopSignal.isRequested else { return false }
            state.phase = .capturing
            return true
        }
        guard capturing else { return }
        metrics.captureActive(true)
        logger.info("capturing the archive's sources")
        let scheduler = CaptureScheduler(context: context) { [logger, metrics] event in
            switch event {
            case .run(let report):
                metrics.captured(report)
                if report.error == nil {
                    logger.info("\(LogText.escaped(report.line))")
                } else {
                    logger.warning("\(LogText.escaped(report.line))")
                }
            case .problem(let message):
                logger.warning("\(LogText.escaped(message))")
            }
        }
        do {
            try scheduler.watch(stop: stopSignal)
            logger.info("capture stopped")
        } catch {
            logger.error("capture stopped: \(LogText.escaped(error.description))")
        }
    }

    private func finish() {
        metrics.captureActive(false)
        let waiters = state.withLock { state in
            state.phase = .finished
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
