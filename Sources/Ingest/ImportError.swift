import Archive
import Formats
import MIME

/// Why an import stopped. Problems with single records never stop an import: they are quarantined.
public enum ImportError: Error, CustomStringConvertible, Sendable {
    /// A path given to the import is not a readable source.
    case source(MailSourceError)
    /// An input file is missing, unreadable or not of the expected format at all.
    case file(FormatFileError)
    /// The archive could not be written (disk full, file locked, ...). What was written stays
    /// consistent; running the same import again completes it.
    case archive(ArchiveError)

    public var description: String {
        switch self {
        case .source(let error): "\(error)"
        case .file(let error): "\(error)"
        case .archive(let error):
            error.isDiskFull
                ? "\(error) — the disk is full; free space and run the same import again to complete it"
                : "\(error)"
        }
    }
}
