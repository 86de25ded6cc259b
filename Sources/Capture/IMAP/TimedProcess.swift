import Dispatch
import Foundation

/// Runs an executable directly (no shell) with a time limit: past it the process gets SIGTERM,
/// then SIGKILL if it has not ended 5 seconds later. Its standard error goes to a file, so a full
/// pipe can never stall it; standard input and output are /dev/null.
struct TimedProcess {
    var executable: String
    var arguments: [String]
    var environment: [String: String]

    struct Exit {
        var status: Int32
        /// True when a signal ended the process (the status is then the signal's number).
        var signalled: Bool
        /// True when the time limit ended the process.
        var timedOut: Bool
        var standardError: String
    }

    func run(timeout: Duration, standardErrorFile: String) throws -> Exit {
        guard FileManager.default.createFile(atPath: standardErrorFile, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: standardErrorFile])
        }
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: standardErrorFile))
        defer { try? errors.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        var timedOut = false
        if ended.wait(timeout: .now() + Self.seconds(timeout)) == .timedOut {
            timedOut = true
            process.terminate()
            if ended.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                ended.wait()
            }
        }
        let text = (try? String(contentsOfFile: standardErrorFile, encoding: .utf8)) ?? ""
        return Exit(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut, standardError: text)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The first executable named `name` in PATH's folders, then in the usual Debian places.
    static func find(_ name: String, environment: [String: String]) -> (found: String?, searched: [String]) {
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        var candidates: [String] = []
        for folder in folders where !folder.isEmpty && !candidates.contains(folder + "/" + name) {
            candidates.append(folder + "/" + name)
        }
        return (candidates.first { FileManager.default.isExecutableFile(atPath: $0) }, candidates)
    }
}
