import Foundation

/// A folder of this fuzzing process for the files the readers and importers are given: under
/// `$ARKISTO_FUZZ_SCRATCH` (set by `tools/fuzz`), else `/dev/shm` (memory) or the temporary
/// folder, named by the process id so that parallel jobs never share files.
public struct ScratchFolder: Sendable {
    public let path: String

    public init(_ name: String) {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["ARKISTO_FUZZ_SCRATCH"]
            ?? (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
        path = (base as NSString).appendingPathComponent("arkisto-fuzz-\(name)-\(getpid())")
        guard (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil else {
            Self.harnessFailure("cannot create the scratch folder \(path)")
        }
    }

    /// `name` in this folder.
    public func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    /// Writes `bytes` as `name` in this folder (replacing it) and returns its path.
    @discardableResult
    public func write(_ bytes: [UInt8], as name: String) -> String {
        let target = file(name)
        guard FileManager.default.createFile(atPath: target, contents: Data(bytes)) else {
            Self.harnessFailure("cannot write \(target)")
        }
        return target
    }

    /// A failure of the harness itself (not of the code under test): stops with a message that says
    /// so, also appended to `$ARKISTO_FUZZ_HARNESS_LOG` (libFuzzer's fork mode keeps no job output).
    public static func harnessFailure(_ message: String) -> Never {
        let line = Data("fuzz harness: \(message)\n".utf8)
        FileHandle.standardError.write(line)
        if let log = ProcessInfo.processInfo.environment["ARKISTO_FUZZ_HARNESS_LOG"] {
            if !FileManager.default.fileExists(atPath: log) { _ = FileManager.default.createFile(atPath: log, contents: nil) }
            if let handle = FileHandle(forWritingAtPath: log) {
                handle.seekToEndOfFile()
                handle.write(line)
                handle.closeFile()
            }
        }
        exit(2)
    }
}
