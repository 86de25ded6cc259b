#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Changes in folders, from the kernel (inotify on Linux): a file created, written, moved in or
/// out. Elsewhere, or for a folder that cannot be watched (not there yet), the caller's periodic
/// runs are the only signal.
final class FolderEvents {
    private let descriptor: Int32
    /// Watch descriptor → folder.
    private var folders: [Int32: String] = [:]

    init() {
        #if canImport(Glibc)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        #else
        descriptor = -1
        #endif
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Watches `folder` unless it is watched already; false when it cannot be (it does not exist
    /// yet): call again later.
    @discardableResult
    func watch(_ folder: String) -> Bool {
        guard !folders.values.contains(folder) else { return true }
        #if canImport(Glibc)
        guard descriptor >= 0 else { return false }
        let mask = UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF)
        let watch = inotify_add_watch(descriptor, folder, mask)
        guard watch >= 0 else { return false }
        folders[watch] = folder
        return true
        #else
        return false
        #endif
    }

    /// Waits up to `timeout` for a change or a stop; returns the folders that changed (empty on
    /// timeout or stop).
    func wait(timeout: Duration, stop: StopSignal) -> Set<String> {
        let milliseconds = max(0, min(Int32.max, Int32(clamping: timeout.components.seconds * 1_000
            + timeout.components.attoseconds / 1_000_000_000_000_000)))
        var polled = [pollfd(fd: stop.wakeRead, events: Int16(POLLIN), revents: 0)]
        if descriptor >= 0 {
            polled.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
        }
        let ready = poll(&polled, nfds_t(polled.count), milliseconds)
        guard ready > 0, polled.count > 1, polled[1].revents & Int16(POLLIN) != 0 else { return [] }
        return drain()
    }

    /// Reads every pending event; a folder deleted or moved away is forgotten so that it can be
    /// watched again when it comes back.
    private func drain() -> Set<String> {
        var changed = Set<String>()
        #if canImport(Glibc)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                if let folder = folders[watch] {
                    changed.insert(folder)
                    if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 {
                        folders[watch] = nil
                    }
                }
                offset += header + length
            }
        }
        #endif
        return changed
    }
}
