import Archive
import MIME

/// What a mail import will go through, worked out before any message is read: the sources in
/// order, for Maildirs and `.eml` folders the files the archive has not read before (a Maildir
/// message file never changes; it is only renamed when its flags change, and then it is a new
/// path), and how many bytes that is, for progress.
struct MailImportPlan {
    struct PlannedFile: Sendable {
        var path: String
        /// From `stat`; 0 when the file cannot be examined (reading it will say why).
        var size: Int64
    }

    enum Step {
        /// Files still to read, after the unreadable places met while listing.
        case files([PlannedFile], problems: [MailboxItem])
        /// An mbox is read in order from its start; its messages archived before are recognised
        /// by their SHA-256 and not parsed again.
        case mbox(MailSource, size: Int64)
    }

    var steps: [Step] = []
    var filesToRead = 0
    var bytesToRead: Int64 = 0
    /// Files not read because the archive already holds them at the same path.
    var unchangedFiles = 0

    /// Every file is archived already, and there is no mbox to read and no problem to report.
    var isUnchanged: Bool {
        steps.allSatisfy { step in
            if case .files(let files, let problems) = step { files.isEmpty && problems.isEmpty } else { false }
        }
    }

    /// Discovers the sources under `paths` and lists their files; unless `rescan` is set, leaves
    /// out the files archived before, asking the archive about `lookupChunk` paths at a time.
    init(paths: [String], archive: ArchiveStore, rescan: Bool, lookupChunk: Int = 4_096) throws(ImportError) {
        for path in paths {
            let sources: [MailSource]
            do {
                sources = try MailSource.discover(path)
            } catch {
                throw .source(error)
            }
            for source in sources {
                guard let listing = MessageFileListing(source) else {
                    let size = MessageFileListing.size(of: source.path) ?? 0
                    bytesToRead += size
                    steps.append(.mbox(source, size: size))
                    continue
                }
                try addFiles(listing.files, problems: listing.problems, archive: archive, rescan: rescan, lookupChunk: lookupChunk)
            }
        }
    }

    /// A plan over message files named one by one (a Maildir watcher's): no discovery, each file
    /// one message.
    init(messageFiles: [String], archive: ArchiveStore, rescan: Bool, lookupChunk: Int = 4_096) throws(ImportError) {
        try addFiles(messageFiles, problems: [], archive: archive, rescan: rescan, lookupChunk: lookupChunk)
    }

    private mutating func addFiles(
        _ paths: [String], problems: [MailboxItem], archive: ArchiveStore, rescan: Bool, lookupChunk: Int
    ) throws(ImportError) {
        var files: [PlannedFile] = []
        files.reserveCapacity(paths.count)
        var start = 0
        while start < paths.count {
            let chunk = Array(paths[start..<min(start + lookupChunk, paths.count)])
            start += chunk.count
            let archived = rescan ? [] : try archiving { () throws(ArchiveError) in
                try archive.archivedSourcePaths(chunk)
            }
            for path in chunk {
                if archived.contains(path) {
                    unchangedFiles += 1
                } else {
                    let size = MessageFileListing.size(of: path) ?? 0
                    files.append(PlannedFile(path: path, size: size))
                    bytesToRead += size
                }
            }
        }
        filesToRead += files.count
        steps.append(.files(files, problems: problems))
    }
}
