import Foundation

/// The folders whose files an admin may import through the server (`arkisto serve --import-dir`).
/// A path is taken only when its real path (symbolic links resolved) lies inside one of them, it
/// has no `..` part, and nothing under it links out; otherwise the import is refused without
/// saying whether the path exists.
struct ImportFolders: Sendable {
    /// The folders' real paths.
    let roots: [String]

    init(_ folders: [String]) {
        roots = folders.compactMap { Self.realPath($0) }
    }

    var isEmpty: Bool { roots.isEmpty }

    /// The real path to import for `path` (absolute, or relative to the first folder that has it).
    func resolve(_ path: String) throws(OperationError) -> String {
        guard !roots.isEmpty else {
            throw .invalid("server-side imports are off: start arkisto serve with --import-dir FOLDER")
        }
        let refused = OperationError.invalid("'\(path)' is not a file or folder inside the import folders")
        guard !path.isEmpty, !path.split(separator: "/").contains(".."), !path.contains("\0") else { throw refused }
        let candidates = path.hasPrefix("/") ? [path] : roots.map { $0 + "/" + path }
        for candidate in candidates {
            guard let real = Self.realPath(candidate), let root = roots.first(where: { Self.isInside(real, $0) }) else { continue }
            guard Self.staysInside(real, root) else { throw refused }
            return real
        }
        throw refused
    }

    private static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// Whether everything under a folder resolves inside `root` (a link pointing out is refused).
    private static func staysInside(_ path: String, _ root: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return true }
        guard let entries = FileManager.default.enumerator(atPath: path) else { return false }
        for case let entry as String in entries {
            guard let real = realPath(path + "/" + entry), isInside(real, root) else { return false }
        }
        return true
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
