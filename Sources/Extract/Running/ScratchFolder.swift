import Foundation
import Glibc

/// A private temporary folder (mode 0700, made by `mkdtemp`) for the files a tool reads and writes;
/// its files are 0600. ``with(_:)`` removes it, whatever happens.
struct ScratchFolder: Sendable {
    let path: String

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `body` with a new folder and removes the folder afterwards.
    static func with<T>(_ body: (ScratchFolder) -> T) -> Result<T, Failure> {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/arkisto-extract-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            return .failure(Failure(description: "could not make a temporary folder in \(base): \(LimitedProcess.errorText(errno))"))
        }
        let folder = ScratchFolder(path: String(cString: made))
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        return .success(body(folder))
    }

    func path(_ name: String) -> String { "\(path)/\(name)" }

    /// Writes a new file (never through an existing name or link).
    func write(_ bytes: [UInt8], named name: String) throws(Failure) -> String {
        let target = path(name)
        let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failure(description: "could not write \(target): \(LimitedProcess.errorText(errno))") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "could not write \(target): \(LimitedProcess.errorText(errno))")
            }
            written += count
        }
        return target
    }

    /// Makes a folder inside this one (0700).
    func folder(_ name: String) throws(Failure) -> ScratchFolder {
        guard mkdir(path(name), 0o700) == 0 else {
            throw Failure(description: "could not make \(path(name)): \(LimitedProcess.errorText(errno))")
        }
        return ScratchFolder(path: path(name))
    }

    /// The regular files in the folder (no links, no folders), by name, with their sizes.
    func files() -> [(name: String, size: Int)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().compactMap { name in
            var info = stat()
            guard lstat(path(name), &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            return (name, Int(info.st_size))
        }
    }

    /// The bytes of a file in the folder, or nil when it is missing or longer than `limit`.
    /// The first `count` bytes of a file here (fewer when it is shorter); empty when it cannot be read.
    func head(_ name: String, count: Int) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path(name)) else { return [] }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: count)).flatMap { $0.map { [UInt8]($0) } } ?? []
    }

    func read(_ name: String, limit: Int) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path(name)) else { return nil }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            return data.count <= limit ? [UInt8](data) : nil
        } catch {
            return nil
        }
    }
}
