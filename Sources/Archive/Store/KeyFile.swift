#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a key file (the personal identity code key, the audit key) could not be read or created.
public enum KeyFileError: Error, Sendable, Equatable {
    case unreadable(path: String, reason: String)
    case notARegularFile(path: String)
    case exposed(path: String, permissions: String)
    case tooLong(path: String, byteCount: Int)
    case cannotCreate(path: String, reason: String)
}

/// Reading and creating key files with POSIX calls, so that permissions are checked on the
/// opened file itself and a new key never appears half-written or readable by others.
public enum KeyFile {
    /// A key file larger than this is refused as probably the wrong file.
    public static let maximumByteCount = 1024

    /// The key at `path`, or a new one of `byteCount` bytes from the system's cryptographically
    /// secure generator written there with permissions 0600 when there is none. When another
    /// process creates the key at the same moment, both use the one that was linked into place.
    public static func loadOrCreate(at path: String, byteCount: Int) throws(KeyFileError) -> [UInt8] {
        if let bytes = try existingKey(at: path) { return bytes }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        if try createKey(bytes, at: path) { return bytes }
        guard let bytes = try existingKey(at: path) else {
            throw .unreadable(path: path, reason: "the file vanished while it was being created")
        }
        return bytes
    }

    /// The file's bytes, or nil when there is no file at `path`.
    public static func existingKey(at path: String) throws(KeyFileError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { return nil }
            throw .unreadable(path: path, reason: describe(code))
        }
        defer { close(descriptor) }

        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: describe(errno)) }
        guard status.st_mode & 0o170000 == 0o100000 else { throw .notARegularFile(path: path) }
        let permissions = Int(status.st_mode) & 0o777
        guard permissions & 0o077 == 0 else { throw .exposed(path: path, permissions: octal(permissions)) }
        let size = Int(status.st_size)
        guard size <= maximumByteCount else { throw .tooLong(path: path, byteCount: size) }

        var bytes = [UInt8](repeating: 0, count: maximumByteCount + 1)
        var count = 0
        while count < bytes.count {
            let received = bytes.withUnsafeMutableBytes { buffer -> Int in
                read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if received < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: describe(errno))
            }
            if received == 0 { break }
            count += received
        }
        guard count <= maximumByteCount else { throw .tooLong(path: path, byteCount: count) }
        return Array(bytes[..<count])
    }

    /// Writes `key` to a new file at `path` with permissions 0600. Returns false, writing nothing,
    /// when a file appeared there meanwhile (another process created the key first).
    ///
    /// The key is written to a temporary file beside `path` and hard-linked into place, which fails
    /// rather than replaces when `path` exists: readers see either no key or the whole key.
    public static func createKey(_ key: [UInt8], at path: String) throws(KeyFileError) -> Bool {
        let temporary = path + ".new-\(getpid())-\(UInt32.random(in: .min ... .max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotCreate(path: path, reason: describe(errno)) }
        do throws(KeyFileError) {
            try writeAll(key, to: descriptor, path: path)
            guard fsync(descriptor) == 0 else { throw .cannotCreate(path: path, reason: describe(errno)) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        defer { unlink(temporary) }

        guard link(temporary, path) == 0 else {
            let code = errno
            if code == EEXIST { return false }
            throw .cannotCreate(path: path, reason: describe(code))
        }
        syncDirectory(of: path)
        return true
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(KeyFileError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer -> Int in
                write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw .cannotCreate(path: path, reason: describe(errno))
            }
            written += result
        }
    }

    /// Makes the new directory entry durable; a key lost in a crash would orphan every stored hash.
    private static func syncDirectory(of path: String) {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let descriptor = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    static func octal(_ permissions: Int) -> String {
        let digits = String(permissions, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
