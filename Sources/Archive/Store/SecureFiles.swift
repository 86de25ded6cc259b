#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files readable by their owner only: the archive, its companions, exports and backups.
/// SQLite creates a database's `-wal` and `-shm` files with the database file's own permissions,
/// so creating the database file 0600 first is enough for all three.
public enum SecureFiles {
    /// Permission bits that let group or others read, write or enter.
    public static let exposedBits: mode_t = 0o077

    /// Creates an empty file with permissions 0600 unless something exists at `path` already.
    public static func createEmptyFile(at path: String) throws(SecureFileError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
            return
        }
        let code = errno
        guard code == EEXIST else { throw SecureFileError(path: path, reason: String(cString: strerror(code))) }
    }

    /// Creates a directory with permissions 0700 (not its parents).
    public static func createDirectory(at path: String) throws(SecureFileError) {
        guard mkdir(path, 0o700) == 0 else {
            let code = errno
            throw SecureFileError(path: path, reason: String(cString: strerror(code)))
        }
        // mkdir applies the umask; a umask can only remove bits, so 0700 holds unless it was 0077-masked further.
        _ = chmod(path, 0o700)
    }

    /// The permission bits of the file or directory at `path`, or nil when there is none.
    public static func permissions(of path: String) -> mode_t? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o7777
    }

    /// Whether `path` is a directory (not following a symbolic link).
    public static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & 0o170000 == 0o040000
    }

    /// Sets the permission bits of `path`.
    public static func setPermissions(_ mode: mode_t, of path: String) throws(SecureFileError) {
        guard chmod(path, mode) == 0 else {
            let code = errno
            throw SecureFileError(path: path, reason: String(cString: strerror(code)))
        }
    }

    /// `0644` for 0o644.
    public static func octal(_ mode: mode_t) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// A file or directory that could not be created or changed, with the reason the system gave.
public struct SecureFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}
