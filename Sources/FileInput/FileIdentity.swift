#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file this is, whatever its name: the device and inode number. A file renamed (logrotate's
/// `Master.csv` → `Master.csv.1`) keeps its identity; a new file at the old name has another.
public struct FileIdentity: Hashable, Sendable, Codable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// The identity and size of the file at `path` (following symbolic links).
    public static func of(path: String) -> Result<(identity: FileIdentity, size: Int64), SystemError> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(SystemError.current()) }
        return .success((FileIdentity(info), Int64(info.st_size)))
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

extension ReadOnlyFile {
    /// The identity and current size of the open file.
    public func identity() -> Result<(identity: FileIdentity, size: Int64), SystemError> {
        withDescriptor { descriptor in
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { return .failure(SystemError.current()) }
            return .success((FileIdentity(info), Int64(info.st_size)))
        }
    }
}
