import CSpawn
import Glibc

/// Runs one external tool as a child process under limits, without a shell. The child is
/// util-linux's `prlimit`, which sets the address-space, CPU-time, file-size and open-file limits
/// (`setrlimit`) on itself and then executes the tool in its place. The child leads its own process
/// group, so the whole group is killed (SIGKILL) past the wall-time limit, when its standard output
/// grows past the output limit, and after it ends (nothing it started outlives it). Standard input
/// is /dev/null; standard output is read as it comes; standard error is kept, bounded, for messages.
struct LimitedProcess: Sendable {
    /// util-linux `prlimit`, absolute path.
    var prlimit: String
    /// The tool, absolute path.
    var executable: String
    var arguments: [String]
    /// The whole environment the tool gets.
    var environment: [String: String]
    var bounds: ProcessBounds

    /// Standard error kept for messages; the rest is read and dropped.
    static let keptErrorBytes = 16 << 10

    func run() -> ProcessOutcome {
        var outputPipe: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        guard cspawn_pipe_cloexec(&outputPipe) == 0 else { return .notStarted("no pipe: \(Self.errorText(errno))") }
        guard cspawn_pipe_cloexec(&errorPipe) == 0 else {
            outputPipe.forEach { close($0) }
            return .notStarted("no pipe: \(Self.errorText(errno))")
        }
        let spawned = spawn(output: outputPipe[1], error: errorPipe[1])
        close(outputPipe[1])
        close(errorPipe[1])
        defer {
            close(outputPipe[0])
            close(errorPipe[0])
        }
        let pid: pid_t
        switch spawned {
        case .failure(let failure): return .notStarted(failure.reason)
        case .success(let child): pid = child
        }
        let deadline = ContinuousClock.now.advanced(by: .seconds(bounds.wallSeconds))
        var streams = ChildStreams(output: outputPipe[0], error: errorPipe[0], outputLimit: bounds.outputBytes)
        let reading = streams.readUntilClosed(deadline: deadline)
        let ending = Self.waitForExit(of: pid, deadline: reading == .closed ? deadline : nil)
        let errorText = String(decoding: streams.errorBytes, as: UTF8.self)
        switch (reading, ending) {
        case (.outputTooLarge, _): return .outputTooLarge(partial: streams.outputBytes)
        case (.timedOut, _), (_, .timedOut): return .timedOut
        case (.closed, .exited(0)): return .finished(output: streams.outputBytes, errorOutput: errorText)
        case (.closed, .exited(let status)): return .failed(status: status, errorOutput: errorText)
        case (.closed, .signalled(let signal)): return .signalled(signal: signal, errorOutput: errorText)
        }
    }

    /// prlimit's command line: the limits, then the tool and its arguments.
    var commandLine: [String] {
        [
            prlimit, "--as=\(bounds.memoryBytes)", "--cpu=\(bounds.cpuSeconds):\(bounds.cpuSeconds + 5)", "--fsize=\(bounds.fileBytes)",
            "--nofile=\(bounds.openFiles)", "--core=0", "--", executable,
        ] + arguments
    }

    private func spawn(output: Int32, error: Int32) -> Result<pid_t, SpawnFailure> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, error, 2)
        // Descriptors other threads opened without O_CLOEXEC (the archive's, sockets) stay ours.
        cspawn_add_closefrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A process group of its own (to kill all of it), no blocked signals, and default actions
        // for the signals this process may ignore (an ignored SIGPIPE would survive exec).
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGXCPU, SIGXFSZ] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = CStringArray(commandLine)
        let envp = CStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        defer {
            argv.free()
            envp.free()
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, prlimit, &actions, &attributes, argv.pointers, envp.pointers)
        guard status == 0 else { return .failure(SpawnFailure(reason: "\(executable) could not start: \(Self.errorText(status))")) }
        return .success(pid)
    }

    private enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    /// Waits for the child to end (by `deadline` when given, else kills it now), kills what is left
    /// of its process group, and reaps it.
    private static func waitForExit(of pid: pid_t, deadline: ContinuousClock.Instant?) -> Ending {
        var timedOut = deadline == nil
        if let deadline {
            // The ended child stays a zombie until reaped below, so its process group id cannot
            // be reused before the group is killed.
            while true {
                let ended = cspawn_has_ended(pid)
                if ended == 1 || ended < 0 && errno != EINTR { break }
                if ContinuousClock.now >= deadline {
                    timedOut = true
                    break
                }
                usleep(5_000)
            }
        }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        if timedOut { return .timedOut }
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// How far one run of a tool may go.
struct ProcessBounds: Sendable, Hashable {
    var wallSeconds: Int
    var cpuSeconds: Int
    var memoryBytes: Int
    /// The largest file the tool may write (`RLIMIT_FSIZE`).
    var fileBytes: Int
    /// Standard output read before the tool is killed.
    var outputBytes: Int
    var openFiles: Int = 64

    init(_ limits: ExtractionLimits) {
        wallSeconds = limits.toolSeconds
        cpuSeconds = limits.toolSeconds
        memoryBytes = limits.toolMemoryBytes
        fileBytes = limits.maxExpandedBytes
        outputBytes = limits.maxTextBytes
    }
}

/// How one run of a tool ended.
enum ProcessOutcome: Sendable, Equatable {
    /// Exit status 0.
    case finished(output: [UInt8], errorOutput: String)
    case failed(status: Int32, errorOutput: String)
    case signalled(signal: Int32, errorOutput: String)
    /// Killed at the wall-time limit.
    case timedOut
    /// Killed when its output passed the limit; the output up to the limit.
    case outputTooLarge(partial: [UInt8])
    case notStarted(String)
}

private struct SpawnFailure: Error {
    var reason: String
}

/// NUL-terminated C strings for `posix_spawn`, freed by the owner.
private struct CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

    init(_ strings: [String]) {
        pointers = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { pointers[index] = strdup(string) }
        pointers[strings.count] = nil
    }

    func free() {
        var index = 0
        while let pointer = pointers[index] {
            Glibc.free(pointer)
            index += 1
        }
        pointers.deallocate()
    }
}
