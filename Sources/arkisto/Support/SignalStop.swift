import Capture
import Dispatch
import Foundation

/// SIGTERM and SIGINT ask a long-running command to stop (finishing what is in flight) instead
/// of ending the process at once, for as long as this value lives; then they end it again.
final class SignalStop {
    let signal: StopSignal
    private let handlers: [any DispatchSourceSignal]

    init() {
        let stop = StopSignal()
        handlers = [SIGTERM, SIGINT].map { number in
            Foundation.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.request() }
            source.resume()
            return source
        }
        signal = stop
    }

    var isRequested: Bool { signal.isRequested }

    deinit {
        for source in handlers { source.cancel() }
        for number in [SIGTERM, SIGINT] { Foundation.signal(number, SIG_DFL) }
    }
}
