#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on a file beside the archive, held while one process creates or migrates
/// the schema, so that two processes opening a new archive at once never both create its tables.
/// The lock goes with the process if it dies.
enum CreationLock {
    /// Runs `body` holding the lock at `path`. When the lock file cannot be created (a read-only
    /// folder), runs `body` without it: SQLite then refuses any write itself.
    static func holding<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { return try body() }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
