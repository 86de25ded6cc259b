#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock that makes one process at a time the archive's capturer (`sync`, `watch`, `serve`).
/// The kernel releases it when its holder exits, even by SIGKILL, so the next `watch` just starts.
public final class CaptureLock {
    private let descriptor: Int32

    /// Takes the lock at `path`, waiting while another process holds it; `waiting` is called once
    /// if it has to wait. With `wait` false, throws ``CaptureLockError/isHeldElsewhere`` instead.
    public init(path: String, wait: Bool = true, waiting: () -> Void = {}) throws(CaptureLockError) {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CaptureLockError(path: path, reason: String(cString: strerror(errno))) }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        guard wait else {
            close(descriptor)
            throw CaptureLockError(path: path, reason: "another sync, watch or serve is capturing from this archive", isHeldElsewhere: true)
        }
        waiting()
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw CaptureLockError(path: path, reason: reason)
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

public struct CaptureLockError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    /// The lock was free to take but another process holds it (and the caller would not wait).
    public var isHeldElsewhere = false

    public var description: String { "\(path): cannot take the capture lock: \(reason)" }
}
