#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import FileInput

/// The few POSIX file operations the readers need, with errors as readable text.
enum FileSystem {
    enum Kind: Equatable {
        case regularFile(size: Int64)
        case directory(DirectoryIdentity)
        case other
    }

    /// Identifies a directory across symbolic links, to walk each one once.
    struct DirectoryIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// The kind of the file at `path`, following symbolic links.
    static func kind(of path: String) -> Result<Kind, SystemError> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(SystemError.current()) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .success(.regularFile(size: Int64(info.st_size)))
        case S_IFDIR:
            return .success(.directory(DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))))
        default: return .success(.other)
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        if case .success(.directory) = kind(of: path) { true } else { false }
    }

    /// The names in a directory, without `.` and `..`, in byte order.
    static func entries(of path: String) -> Result<[String], SystemError> {
        var names: [String] = []
        do throws(SystemError) {
            let directory = try DirectoryReader(path: path)
            while case let chunk = try directory.next(upTo: 4_096), !chunk.isEmpty {
                names += chunk
            }
        } catch {
            return .failure(error)
        }
        return .success(names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Reads a whole file of at most `limit` bytes.
    static func readFile(_ path: String, limit: Int) -> Result<[UInt8], ReadFailure> {
        let file = open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { return .failure(.system(SystemError.current())) }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0 else { return .failure(.system(SystemError.current())) }
        if Int64(info.st_size) > Int64(limit) { return .failure(.tooLarge(size: Int64(info.st_size))) }
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                // The file grew since fstat; keep reading, within the limit.
                if count > limit { return .failure(.tooLarge(size: Int64(count))) }
                bytes.append(contentsOf: repeatElement(0, count: max(count, 4096)))
            }
            let readCount = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return pread(file, base + count, buffer.count - count, off_t(count))
            }
            if readCount < 0 {
                if errno == EINTR { continue }
                return .failure(.system(SystemError.current()))
            }
            if readCount == 0 { break }
            count += readCount
        }
        if count > limit { return .failure(.tooLarge(size: Int64(count))) }
        bytes.removeLast(bytes.count - count)
        return .success(bytes)
    }

    /// The first `count` bytes of a file (fewer if it is shorter); nil when it cannot be read.
    static func prefix(of path: String, count: Int) -> [UInt8]? {
        guard let file = try? ReadOnlyFile(path: path) else { return nil }
        var bytes: [UInt8] = []
        guard case .success = file.read(at: 0, count: count, appendingTo: &bytes) else { return nil }
        return bytes
    }

    enum ReadFailure: Error {
        case system(SystemError)
        case tooLarge(size: Int64)
    }
}
