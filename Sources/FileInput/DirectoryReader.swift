#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Darwin)
private typealias DirectoryHandle = UnsafeMutablePointer<DIR>
#else
private typealias DirectoryHandle = OpaquePointer
#endif

/// The names in one directory, read a bounded number at a time in the order the file system keeps
/// them, so that a directory of millions of files is never held in memory whole. Closed when the
/// reader goes away.
public final class DirectoryReader {
    public let path: String
    private let handle: DirectoryHandle

    /// Opens `path` for listing.
    public init(path: String) throws(SystemError) {
        guard let handle = opendir(path) else { throw SystemError.current() }
        self.path = path
        self.handle = handle
    }

    deinit { closedir(handle) }

    /// Up to `limit` more names (never `.` or `..`); empty once the directory is exhausted.
    public func next(upTo limit: Int) -> [String] {
        var names: [String] = []
        while names.count < limit, let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
