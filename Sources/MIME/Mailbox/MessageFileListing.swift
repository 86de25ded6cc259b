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
        guard let chunks = MessageFileChunks(source) else { return nil }
        var paths: [String] = []
        while let chunk = chunks.next(upTo: 65_536) {
            paths += chunk
        }
        problems = chunks.problems
        // By file name across cur/ and new/, then by path.
        files = paths.map { (name: $0.utf8.split(separator: UInt8(ascii: "/")).last.map(Array.init) ?? [], path: $0) }
            .sorted {
                $0.name == $1.name
                    ? $0.path.utf8.lexicographicallyPrecedes($1.path.utf8)
                    : $0.name.lexicographicallyPrecedes($1.name)
            }
            .map(\.path)
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
}
