#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import FileInput

/// The message files of a Maildir or `.eml` source, listed without reading them, in the order a
/// ``MailboxReader`` reads them: an importer can leave out the files it archived before and read
/// the rest on several threads with ``read(_:maxMessageBytes:)``.
///
/// ```swift
/// if let listing = MessageFileListing(source) {
///     for path in listing.files where !archived.contains(path) {
///         let item = MessageFileListing.read(path, maxMessageBytes: limit)
///     }
/// }
/// ```
public struct MessageFileListing: Sendable {
    /// The paths of the message files, in reading order.
    public var files: [String]
    /// Directories that could not be listed, as the unreadable items a ``MailboxReader`` yields
    /// for them before its messages.
    public var problems: [MailboxItem]

    /// Lists a Maildir (`cur/` and `new/` merged in byte order of file names, dot files and
    /// `tmp/` left out) or an `.eml` source; nil for an mbox, whose messages share one file.
    public init?(_ source: MailSource) {
        files = []
        problems = []
        switch source.format {
        case .mbox:
            return nil
        case .eml where FileSystem.isDirectory(source.path):
            listEmlDirectory(source.path)
        case .eml:
            files = [source.path]
        case .maildir:
            listMaildir(source.path)
        }
    }

    /// Reads one listed file as a ``MailboxReader`` would: its message, or why it is oversized or
    /// unreadable. Nil when the path is a directory (not a message; readers skip it).
    public static func read(_ path: String, maxMessageBytes: Int) -> MailboxItem? {
        MessageFileReader.read(path, maxMessageBytes: maxMessageBytes)
    }

    /// The size of a regular file in bytes, following symbolic links; nil for anything else or
    /// when it cannot be examined.
    public static func size(of path: String) -> Int64? {
        if case .success(.regularFile(let size)) = FileSystem.kind(of: path) { size } else { nil }
    }

    private mutating func listEmlDirectory(_ directory: String) {
        switch FileSystem.entries(of: directory) {
        case .success(let names):
            files = names.filter { !$0.hasPrefix(".") && MailSource.isEmlName($0) }.map { FileSystem.join(directory, $0) }
        case .failure(let error):
            problems.append(.unreadable(SourceLocation(path: directory), reason: "cannot list directory: \(error)"))
        }
    }

    private mutating func listMaildir(_ root: String) {
        var named: [(name: String, path: String)] = []
        var failures: [(directory: String, error: SystemError)] = []
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
        // A Maildir may lack one of cur/new; it is broken only when neither can be listed, or
        // when one exists but cannot be read.
        for failure in failures where failures.count == 2 || failure.error.code != ENOENT {
            problems.append(.unreadable(
                SourceLocation(path: failure.directory), reason: "cannot list directory: \(failure.error)"))
        }
        named.sort {
            $0.name == $1.name
                ? $0.path.utf8.lexicographicallyPrecedes($1.path.utf8)
                : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)
        }
        files = named.map(\.path)
    }
}
