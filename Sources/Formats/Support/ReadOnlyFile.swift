#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for reading at explicit offsets, so that several iterators over one reader stay
/// independent. Closed when the last holder goes away.
final class ReadOnlyFile: Sendable {
    let path: String
    private let descriptor: Int32

    init(path: String) throws(FormatFileError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FormatFileError(path: path, reason: SystemError.current().description) }
        var info = stat()
        if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw FormatFileError(path: path, reason: "is a directory")
        }
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The current size of the file in bytes.
    func size() -> Result<Int64, SystemError> {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(SystemError.current()) }
        return .success(Int64(info.st_size))
    }

    /// Appends up to `count` bytes read at `offset` and returns how many were read (0 at the end).
    func read(at offset: Int64, count: Int, appendingTo bytes: inout [UInt8]) -> Result<Int, SystemError> {
        var failure: SystemError?
        let chunk = [UInt8](unsafeUninitializedCapacity: max(count, 0)) { buffer, initializedCount in
            initializedCount = 0
            guard let base = buffer.baseAddress else { return }
            while initializedCount < buffer.count {
                let readCount = pread(
                    descriptor, base + initializedCount, buffer.count - initializedCount,
                    off_t(offset + Int64(initializedCount)))
                if readCount < 0 {
                    if errno == EINTR { continue }
                    failure = SystemError.current()
                    return
                }
                if readCount == 0 { return }
                initializedCount += readCount
            }
        }
        if let failure { return .failure(failure) }
        bytes.append(contentsOf: chunk)
        return .success(chunk.count)
    }

    /// Exactly the bytes at `offset..<offset + count`, fewer only at the end of the file.
    func bytes(at offset: Int64, count: Int) -> Result<[UInt8], SystemError> {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        return read(at: offset, count: count, appendingTo: &bytes).map { _ in bytes }
    }
}

/// `errno` as readable text.
struct SystemError: Error, Sendable, CustomStringConvertible {
    var code: Int32

    static func current() -> SystemError { SystemError(code: errno) }

    var description: String {
        switch code {
        case ENOENT: "no such file or directory"
        case EACCES: "permission denied"
        case ENOTDIR: "not a directory"
        case EISDIR: "is a directory"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
