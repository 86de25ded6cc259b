import Foundation
import Testing

/// The `arkisto` executable built beside the test bundle, run as a subprocess.
struct ArkistoProcess {
    struct Result {
        var status: Int32
        /// True when the process ended by a signal (the status is then the signal number).
        var killed: Bool
        var standardOutput: String
        var standardError: String
    }

    let executable: URL

    /// Finds `arkisto` in the build products folder that holds the test bundle (`ARKISTO_BINARY`
    /// overrides).
    init() throws {
        if let override = ProcessInfo.processInfo.environment["ARKISTO_BINARY"] {
            executable = URL(fileURLWithPath: override)
            return
        }
        var folders = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        folders += Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent() }
        if let executablePath = Bundle.main.executablePath {
            folders.append(URL(fileURLWithPath: executablePath).deletingLastPathComponent())
        }
        let found = folders.map { $0.appendingPathComponent("arkisto") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        executable = try #require(found, "no arkisto executable next to the test bundle in \(folders.map(\.path))")
    }

    /// Runs to the end and returns what it printed.
    func run(_ arguments: [String], in directory: URL) throws -> Result {
        let process = try start(arguments, in: directory)
        process.process.waitUntilExit()
        return process.result()
    }

    /// Starts without waiting; output goes to files in `directory`, so a full pipe never blocks it.
    func start(_ arguments: [String], in directory: URL) throws -> Running {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["ARKISTO_ARCHIVE"] = nil
        process.environment = environment
        let id = UUID().uuidString
        let outURL = directory.appendingPathComponent("stdout-\(id).txt")
        let errURL = directory.appendingPathComponent("stderr-\(id).txt")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        return Running(process: process, outURL: outURL, errURL: errURL)
    }

    struct Running {
        let process: Process
        let outURL: URL
        let errURL: URL

        func result() -> Result {
            let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
            let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
            return Result(
                status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
                standardOutput: out, standardError: err)
        }
    }
}

/// A temporary folder removed at the end of a test.
struct ScratchFolder: ~Copyable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
