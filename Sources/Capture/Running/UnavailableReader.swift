// TEMPORARY (lead, not for commit): until the helpers' branches land.
struct IMAPReader: SourceReader {
    let name: SourceName
    let settings: IMAPSettings
    let staging: String
    var watchedFolders: [String] { [] }
    var interval: Duration { .seconds(settings.pollSeconds) }
    mutating func run(_ context: CaptureContext) throws -> SourceRunResult { throw MaildirReadError(folder: staging, reason: "imap pending") }
}
struct HelpdeskFolderReader: SourceReader {
    let name: SourceName
    let folder: String
    var watchedFolders: [String] { [folder] }
    var interval: Duration { .seconds(60) }
    mutating func run(_ context: CaptureContext) throws -> SourceRunResult { throw MaildirReadError(folder: folder, reason: "pending") }
}
struct CallsReader: SourceReader {
    let name: SourceName
    let settings: CallSettings
    var watchedFolders: [String] { [] }
    var interval: Duration { .seconds(60) }
    mutating func run(_ context: CaptureContext) throws -> SourceRunResult { throw MaildirReadError(folder: settings.masterCSV, reason: "pending") }
}
