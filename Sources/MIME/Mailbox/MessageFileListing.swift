#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import FileInput

/// One message file of a Maildir or `.eml` source (as ``MessageFileChunks`` lists them), read or
/// examined on its own, so that an importer can leave out the files it archived before and read
/// the rest on several threads.
public enum MessageFileListing {
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
