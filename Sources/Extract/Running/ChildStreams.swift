import Glibc

/// A child's standard output and standard error, read together with `poll` so that neither pipe
/// fills and stalls the child: all of the output up to its limit, the first
/// ``LimitedProcess/keptErrorBytes`` of the errors.
struct ChildStreams {
    let output: Int32
    let error: Int32
    let outputLimit: Int
    private(set) var outputBytes: [UInt8] = []
    private(set) var errorBytes: [UInt8] = []

    init(output: Int32, error: Int32, outputLimit: Int) {
        self.output = output
        self.error = error
        self.outputLimit = outputLimit
    }

    enum Reading: Equatable {
        /// Both pipes reached their end: the child closed them (usually by ending).
        case closed
        case timedOut
        case outputTooLarge
    }

    mutating func readUntilClosed(deadline: ContinuousClock.Instant) -> Reading {
        var outputOpen = true
        var errorOpen = true
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while outputOpen || errorOpen {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return .timedOut }
            var descriptors = [
                pollfd(fd: outputOpen ? output : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: errorOpen ? error : -1, events: Int16(POLLIN), revents: 0),
            ]
            let milliseconds = min(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1, 1000)
            let ready = poll(&descriptors, 2, Int32(milliseconds))
            if ready < 0 {
                if errno == EINTR { continue }
                return .closed
            }
            if descriptors[0].revents != 0 {
                let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
                if count > 0 {
                    let room = outputLimit - outputBytes.count
                    outputBytes += chunk[0..<min(count, room)]
                    if count > room { return .outputTooLarge }
                } else if count == 0 || errno != EINTR && errno != EAGAIN {
                    outputOpen = false
                }
            }
            if descriptors[1].revents != 0 {
                let count = chunk.withUnsafeMutableBytes { read(error, $0.baseAddress, $0.count) }
                if count > 0 {
                    let room = max(0, LimitedProcess.keptErrorBytes - errorBytes.count)
                    errorBytes += chunk[0..<min(count, room)]
                } else if count == 0 || errno != EINTR && errno != EAGAIN {
                    errorOpen = false
                }
            }
        }
        return .closed
    }
}
