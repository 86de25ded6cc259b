/// How the messages of a ``MailSource`` are stored.
public enum MailSourceFormat: String, Sendable, Codable {
    /// A Maildir: one file per message in `cur/` and `new/`.
    case maildir
    /// One file of messages, each introduced by a `From ` line.
    case mbox
    /// A single message file, or a directory whose `*.eml` files are one message each.
    case eml
}

/// How `From ` lines inside messages were escaped when the mbox was written.
public enum MboxFlavour: String, Sendable, Codable {
    /// Lines matching `^>*From ` got one more `>`; reading removes one `>` from `^>+From `.
    case mboxrd
    /// Only `^From ` got a `>`; reading removes the `>` of `^>From ` (and leaves `>>From ` alone).
    case mboxo
}

/// One place to read messages from.
public struct MailSource: Sendable, Hashable {
    public var format: MailSourceFormat
    /// A Maildir directory (its `cur/` and `new/` are read; Maildir++ subfolders are separate
    /// sources), an mbox file, a message file, or a directory of `*.eml` files (not its subdirectories).
    public var path: String

    public init(format: MailSourceFormat, path: String) {
        self.format = format
        self.path = path
    }

    /// Finds the sources under a path the user gave, in a deterministic order:
    ///
    /// - a Maildir (a directory with `cur/` or `new/`): itself, then its Maildir++ subfolders
    ///   (`.Sent/`, `.Archive.2024/`), then Maildirs nested in its other subdirectories;
    /// - any other directory: walked in byte order of names, hidden entries skipped, giving its
    ///   Maildirs, its mbox files (named `*.mbox` or starting with `From `) and, for each directory
    ///   holding `*.eml` files (any case), one ``MailSourceFormat/eml`` source for that directory;
    /// - a file: an mbox when it starts with `From `, is named `*.mbox` or is empty; otherwise a
    ///   single message, whatever its name.
    ///
    /// A subdirectory that cannot be listed becomes an `.eml` source, so that reading it reports
    /// the problem as an ``MailboxItem/unreadable(_:reason:)`` item instead of losing it silently.
    public static func discover(_ path: String) throws(MailSourceError) -> [MailSource] {
        let kind: FileSystem.Kind
        switch FileSystem.kind(of: path) {
        case .success(let found): kind = found
        case .failure(let error): throw MailSourceError(path: path, reason: error.description)
        }
        switch kind {
        case .regularFile(let size):
            if size == 0 || looksLikeMbox(path) { return [MailSource(format: .mbox, path: path)] }
            return [MailSource(format: .eml, path: path)]
        case .directory(let identity):
            if case .failure(let error) = FileSystem.entries(of: path) {
                throw MailSourceError(path: path, reason: "cannot list directory: \(error)")
            }
            var walk = DirectoryWalk()
            walk.visited.insert(identity)
            if isMaildir(path) {
                walk.addMaildir(path)
            } else {
                walk.addTree(path)
            }
            guard !walk.sources.isEmpty else {
                throw MailSourceError(path: path, reason: "not a mail source: no Maildir, mbox or .eml file found")
            }
            return walk.sources
        case .other:
            throw MailSourceError(path: path, reason: "not a mail source: neither a file nor a directory")
        }
    }

    /// A directory with a `cur` or `new` subdirectory.
    static func isMaildir(_ path: String) -> Bool {
        FileSystem.isDirectory(FileSystem.join(path, "cur")) || FileSystem.isDirectory(FileSystem.join(path, "new"))
    }

    /// Named `*.mbox`, or starts with `From `.
    static func looksLikeMbox(_ path: String) -> Bool {
        if path.lowercased().hasSuffix(".mbox") { return true }
        guard let start = FileSystem.prefix(of: path, count: 5) else { return false }
        return start.elementsEqual("From ".utf8)
    }

    static func isEmlName(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".eml")
    }
}

/// The depth-first walk behind ``MailSource/discover(_:)``.
private struct DirectoryWalk {
    var sources: [MailSource] = []
    var visited: Set<FileSystem.DirectoryIdentity> = []

    mutating func addMaildir(_ path: String) {
        sources.append(MailSource(format: .maildir, path: path))
        guard case .success(let names) = FileSystem.entries(of: path) else { return }
        // Maildir++ folders first (flat: ".Sent", ".Archive.2024"), then other layouts' nested folders.
        for name in names where name.hasPrefix(".") {
            let folder = FileSystem.join(path, name)
            if case .success(.directory(let identity)) = FileSystem.kind(of: folder),
               MailSource.isMaildir(folder), visited.insert(identity).inserted {
                sources.append(MailSource(format: .maildir, path: folder))
            }
        }
        for name in names where !name.hasPrefix(".") && !["cur", "new", "tmp"].contains(name) {
            let child = FileSystem.join(path, name)
            if case .success(.directory(let identity)) = FileSystem.kind(of: child), visited.insert(identity).inserted {
                if MailSource.isMaildir(child) { addMaildir(child) } else { addTree(child) }
            }
        }
    }

    mutating func addTree(_ path: String) {
        guard case .success(let names) = FileSystem.entries(of: path) else {
            sources.append(MailSource(format: .eml, path: path))
            return
        }
        var emlSourceAdded = false
        for name in names where !name.hasPrefix(".") {
            let child = FileSystem.join(path, name)
            switch FileSystem.kind(of: child) {
            case .success(.directory(let identity)):
                guard visited.insert(identity).inserted else { continue }
                if MailSource.isMaildir(child) { addMaildir(child) } else { addTree(child) }
            case .success(.regularFile(let size)):
                if MailSource.isEmlName(name) {
                    if !emlSourceAdded {
                        sources.append(MailSource(format: .eml, path: path))
                        emlSourceAdded = true
                    }
                } else if size > 0 && MailSource.looksLikeMbox(child) {
                    sources.append(MailSource(format: .mbox, path: child))
                }
            case .success(.other), .failure:
                continue
            }
        }
    }
}
