#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import FileInput

/// Reads one-message files one at a time: the messages of a Maildir or a directory of `.eml` files.
/// The list of names is taken on the first call to `next()`; each file is read only when reached.
struct MessageFileReader: IteratorProtocol, Sendable {
    enum Listing: Sendable {
        /// `cur/` and `new/` of a Maildir (never `tmp/`), merged in byte order of file names.
        case maildir(String)
        /// The `*.eml` files directly inside a directory, in byte order.
        case emlDirectory(String)
        case singleFile(String)
    }

    private let listing: Listing
    private let maxMessageBytes: Int
    /// Items to yield before the files: problems met while listing.
    private var listingProblems: [MailboxItem] = []
    private var files: [String]?
    private var nextIndex = 0

    init(_ listing: Listing, maxMessageBytes: Int) {
        self.listing = listing
        self.maxMessageBytes = maxMessageBytes
    }

    mutating func next() -> MailboxItem? {
        if files == nil { files = list() }
        if !listingProblems.isEmpty { return listingProblems.removeFirst() }
        while let files, nextIndex < files.count {
            let path = files[nextIndex]
            nextIndex += 1
            // A directory inside cur/ or among the .eml files is not a message: skipped.
            if let item = Self.read(path, maxMessageBytes: maxMessageBytes) { return item }
        }
        return nil
    }

    private mutating func list() -> [String] {
        switch listing {
        case .singleFile(let path):
            return [path]
        case .emlDirectory(let directory):
            switch FileSystem.entries(of: directory) {
            case .success(let names):
                return names.filter { !$0.hasPrefix(".") && MailSource.isEmlName($0) }
                    .map { FileSystem.join(directory, $0) }
            case .failure(let error):
                listingProblems.append(.unreadable(SourceLocation(path: directory), reason: "cannot list directory: \(error)"))
                return []
            }
        case .maildir(let root):
            var named: [(name: String, path: String)] = []
            var failures: [(String, SystemError)] = []
            for folder in ["cur", "new"] {
                let directory = FileSystem.join(root, folder)
                switch FileSystem.entries(of: directory) {
                case .success(let names):
                    for name in names where !name.hasPrefix(".") {
                        named.append((name, FileSystem.join(directory, name)))
                    }
                case .failure(let error):
                    failures.append((directory, error))
                }
            }
            // A Maildir may lack one of cur/new; it is broken only when neither can be listed,
            // or when one exists but cannot be read.
            for (directory, error) in failures where failures.count == 2 || error.code != ENOENT {
                listingProblems.append(.unreadable(SourceLocation(path: directory), reason: "cannot list directory: \(error)"))
            }
            named.sort { $0.name == $1.name ? $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            return named.map(\.path)
        }
    }

    /// The message in the file at `path`; nil for a directory.
    static func read(_ path: String, maxMessageBytes: Int) -> MailboxItem? {
        let location = SourceLocation(path: path)
        switch FileSystem.kind(of: path) {
        case .success(.regularFile): break
        case .success(.directory): return nil
        case .success(.other): return .unreadable(location, reason: "not a regular file")
        case .failure(let error): return .unreadable(location, reason: error.description)
        }
        switch FileSystem.readFile(path, limit: maxMessageBytes) {
        case .success(let bytes):
            return .message(RawMessage(bytes: bytes, location: location))
        case .failure(.tooLarge(let size)):
            return .oversized(location, size: size, limit: maxMessageBytes)
        case .failure(.system(let error)):
            return .unreadable(location, reason: error.description)
        }
    }
}
