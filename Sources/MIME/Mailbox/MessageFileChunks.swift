#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import FileInput

/// The message files of a Maildir or an `.eml` source — the files ``MessageFileListing`` lists —
/// a bounded chunk at a time, so that a folder of millions of messages is never held in memory
/// whole. Each chunk is in byte order of file names; the chunks follow the order in which the file
/// system lists a directory, `cur/` before `new/`. Listing the same unchanged folder again gives the
/// same chunks.
public final class MessageFileChunks {
    /// Directories that could not be listed, as the unreadable items a ``MailboxReader`` yields
    /// for them; known from the start.
    /// Folders that cannot be listed (found at the start, or while listing), each as an unreadable item.
    public private(set) var problems: [MailboxItem]
    private var directories: [DirectoryReader]
    private var singleFile: String?
    private let isMessageName: (String) -> Bool

    /// Nil for an mbox, whose messages share one file.
    public init?(_ source: MailSource) {
        var problems: [MailboxItem] = []
        var directories: [DirectoryReader] = []
        switch source.format {
        case .mbox:
            return nil
        case .eml where FileSystem.isDirectory(source.path):
            do {
                directories = [try DirectoryReader(path: source.path)]
            } catch {
                problems.append(.unreadable(SourceLocation(path: source.path), reason: "cannot list directory: \(error)"))
            }
            isMessageName = { !$0.hasPrefix(".") && MailSource.isEmlName($0) }
        case .eml:
            singleFile = source.path
            isMessageName = { _ in true }
        case .maildir:
            var failures: [(directory: String, error: SystemError)] = []
            for folder in ["cur", "new"] {
                let directory = FileSystem.join(source.path, folder)
                do {
                    directories.append(try DirectoryReader(path: directory))
                } catch {
                    failures.append((directory, error))
                }
            }
            // As MessageFileListing: broken only when neither cur/ nor new/ can be listed, or when
            // one exists but cannot be read.
            for failure in failures where failures.count == 2 || failure.error.code != ENOENT {
                problems.append(.unreadable(
                    SourceLocation(path: failure.directory), reason: "cannot list directory: \(failure.error)"))
            }
            isMessageName = { !$0.hasPrefix(".") }
        }
        self.problems = problems
        self.directories = directories
    }

    /// The paths of up to `limit` more message files, in byte order of their names; nil once every
    /// file has been listed.
    public func next(upTo limit: Int) -> [String]? {
        if let file = singleFile {
            singleFile = nil
            return [file]
        }
        while let directory = directories.first {
            let names: [String]
            do {
                names = try directory.next(upTo: max(limit, 1))
            } catch {
                // The rest of this folder cannot be listed: said, with the folder, not skipped in silence.
                problems.append(.unreadable(SourceLocation(path: directory.path), reason: "cannot list directory: \(error)"))
                directories.removeFirst()
                continue
            }
            if names.isEmpty {
                directories.removeFirst()
                continue
            }
            let chosen = names.filter(isMessageName).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            if !chosen.isEmpty {
                return chosen.map { FileSystem.join(directory.path, $0) }
            }
        }
        return nil
    }
}
