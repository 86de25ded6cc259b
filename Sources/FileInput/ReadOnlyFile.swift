#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for reading at explicit offsets (`pread`), so that several readers holding it stay
/// independent of each other. Closed when the last holder goes away.
public final class ReadOnlyFile: Sendable {
    public let path: String
    private let descriptor: Int32

    /// Opens `path`; a directory is refused with `EISDIR`.
    public init(path: String) throws(SystemError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError.current() }
        var info = stat()
        if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw SystemError(code: EISDIR)
        }
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Runs `body` with the open descriptor (for `fstat` and the like; never close it).
    func withDescriptor<T>(_ body: (Int32) -> T) -> T { body(descriptor) }

    /// The current size of the file in bytes.
    public func size() -> Result<Int64, SystemError> {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(SystemError.current()) }
        return .success(Int64(info.st_size))
    }

    /// Appends up to `count` bytes read at `offset` and returns how many were read (0 at the end).
    public func read(at offset: Int64, count: Int, appendingTo bytes: inout [UInt8]) -> Result<Int, SystemError> {
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
    public func bytes(at offset: Int64, count: Int) -> Result<[UInt8], SystemError> {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        return read(at: offset, count: count, appendingTo: &bytes).map { _ in bytes }
    }
}
