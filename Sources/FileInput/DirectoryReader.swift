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

    /// Up to `limit` more names (never `.` or `..`); empty once the directory is exhausted. A
    /// failure of the file system (`readdir` setting `errno`) is thrown, after the names read
    /// before it have been returned.
    public func next(upTo limit: Int) throws(SystemError) -> [String] {
        if let failure {
            self.failure = nil
            throw failure
        }
        var names: [String] = []
        while names.count < limit {
            errno = 0
            guard let entry = readdir(handle) else {
                if errno != 0 {
                    let error = SystemError.current()
                    if names.isEmpty { throw error }
                    failure = error
                }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// A failure met after some names were read, thrown by the next call.
    private var failure: SystemError?
}
