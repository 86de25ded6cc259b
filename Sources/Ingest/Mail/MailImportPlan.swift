import Archive
import MIME

/// What a mail import will go through: the sources in order and, for progress, how many files and
/// bytes are still to read. It never holds the list of files: a Maildir or `.eml` folder is
/// walked a bounded chunk at a time (``MessageFileChunks``), once to count (``survey``) and once to
/// read (``walk(_:)``), each chunk leaving out the files the archive has read before (a Maildir
/// message file never changes; it is only renamed when its flags change, and then it is a new
/// path). Memory stays the same whatever the number of files.
struct MailImportPlan {
    struct PlannedFile: Sendable {
        var path: String
        /// From `stat`; 0 when the file cannot be examined (reading it will say why).
        var size: Int64
    }

    /// One part of the walk, in reading order.
    enum Step {
        /// Files still to read, after the unreadable places met while listing, and how many files
        /// of this chunk were left out as archived at the same path.
        case files([PlannedFile], problems: [MailboxItem], unchanged: Int)
        /// An mbox is read in order from its start; its messages archived before are recognised
        /// by their SHA-256 and not parsed again.
        case mbox(MailSource)
    }

    /// Where the files come from.
    private enum Source {
        case discovered(MailSource)
        /// Message files named one by one (a Maildir watcher's).
        case named([String])
    }

    /// What the counting walk found.
    struct Survey {
        var filesToRead = 0
        var bytesToRead: Int64 = 0
        /// Files not to read because the archive already holds them at the same path.
        var unchangedFiles = 0
        var mboxCount = 0
        var problemCount = 0
    }

    private let sources: [Source]
    private let archive: ArchiveStore
    private let rescan: Bool
    /// Files listed, and asked about in the archive, at a time.
    private let chunk: Int
    /// Counted before reading, for progress.
    private(set) var survey = Survey()

    /// Every file is archived already, and there is no mbox to read and no problem to report.
    var isUnchanged: Bool {
        survey.filesToRead == 0 && survey.mboxCount == 0 && survey.problemCount == 0
    }

    /// Discovers the sources under `paths` and counts their files; unless `rescan` is set, the
    /// files archived before are left out, the archive asked about `chunk` paths at a time.
    init(paths: [String], archive: ArchiveStore, rescan: Bool, chunk: Int = 4_096) throws(ImportError) {
        var sources: [Source] = []
        for path in paths {
            do {
                sources += try MailSource.discover(path).map(Source.discovered)
            } catch {
                throw .source(error)
            }
        }
        try self.init(sources: sources, archive: archive, rescan: rescan, chunk: chunk)
    }

    /// A plan over message files named one by one (a Maildir watcher's): no discovery, each file
    /// one message.
    init(messageFiles: [String], archive: ArchiveStore, rescan: Bool, chunk: Int = 4_096) throws(ImportError) {
        try self.init(sources: [.named(messageFiles)], archive: archive, rescan: rescan, chunk: chunk)
    }

    private init(sources: [Source], archive: ArchiveStore, rescan: Bool, chunk: Int) throws(ImportError) {
        self.sources = sources
        self.archive = archive
        self.rescan = rescan
        self.chunk = max(chunk, 1)
        var survey = Survey()
        try walk { step throws(ImportError) in
            switch step {
            case .files(let files, let problems, let unchanged):
                survey.filesToRead += files.count
                survey.bytesToRead += files.reduce(0) { $0 + $1.size }
                survey.unchangedFiles += unchanged
                survey.problemCount += problems.count
            case .mbox(let source):
                survey.mboxCount += 1
                survey.bytesToRead += MessageFileListing.size(of: source.path) ?? 0
            }
        }
        self.survey = survey
    }

    /// Lists the sources again, in order, a chunk of files at a time: what to read now. The files
    /// added since the survey are read too; those gone since are reported unreadable by the reader.
    func walk(_ body: (Step) throws(ImportError) -> Void) throws(ImportError) {
        for source in sources {
            switch source {
            case .named(let paths):
                var start = 0
                while start < paths.count {
                    let end = min(start + chunk, paths.count)
                    try body(try step(Array(paths[start..<end]), problems: []))
                    start = end
                }
            case .discovered(let mailSource):
                guard let chunks = MessageFileChunks(mailSource) else {
                    try body(.mbox(mailSource))
                    continue
                }
                // Each problem once, with the chunk listed when it was found (a folder may fail mid-listing).
                var reported = 0
                while let paths = chunks.next(upTo: chunk) {
                    let problems = Array(chunks.problems[reported...])
                    reported = chunks.problems.count
                    try body(try step(paths, problems: problems))
                }
                if reported < chunks.problems.count {
                    try body(.files([], problems: Array(chunks.problems[reported...]), unchanged: 0))
                }
            }
        }
    }

    /// The files of one chunk that the archive does not hold at the same path, with their sizes.
    private func step(_ paths: [String], problems: [MailboxItem]) throws(ImportError) -> Step {
        let archived = rescan ? [] : try archiving { () throws(ArchiveError) in
            try archive.archivedSourcePaths(paths)
        }
        let files = paths.filter { !archived.contains($0) }.map { path in
            PlannedFile(path: path, size: MessageFileListing.size(of: path) ?? 0)
        }
        return .files(files, problems: problems, unchanged: paths.count - files.count)
    }
}
