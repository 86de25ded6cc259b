#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and creating the key file with POSIX calls, so that permissions are checked on the
/// opened file itself and a new key never appears half-written or readable by others.
enum KeyFile {
    /// The file's bytes, or nil when there is no file at `path`.
    static func existingKey(at path: String) throws(PersonalIDKeyError) -> [UInt8]? {
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
        guard size <= PersonalIDKey.maximumByteCount else { throw .tooLong(path: path, byteCount: size) }

        var bytes = [UInt8](repeating: 0, count: PersonalIDKey.maximumByteCount + 1)
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
        guard count <= PersonalIDKey.maximumByteCount else { throw .tooLong(path: path, byteCount: count) }
        return Array(bytes[..<count])
    }

    /// Writes `key` to a new file at `path` with permissions 0600. Returns false, writing nothing,
    /// when a file appeared there meanwhile (another process created the key first).
    ///
    /// The key is written to a temporary file beside `path` and hard-linked into place, which fails
    /// rather than replaces when `path` exists: readers see either no key or the whole key.
    static func createKey(_ key: [UInt8], at path: String) throws(PersonalIDKeyError) -> Bool {
        let temporary = path + ".new-\(getpid())-\(UInt32.random(in: .min ... .max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotCreate(path: path, reason: describe(errno)) }
        do throws(PersonalIDKeyError) {
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

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(PersonalIDKeyError) {
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

    private static func octal(_ permissions: Int) -> String {
        let digits = String(permissions, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
