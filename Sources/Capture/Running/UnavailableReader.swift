// TEMPORARY (lead, not for commit): until the helpers' branches land.
struct IMAPReader: SourceReader {
    let name: SourceName
    let settings: IMAPSettings
    let staging: String
    var watchedFolders: [String] { [] }
    var interval: Duration { .seconds(settings.pollSeconds) }
    mutating func run(_ context: CaptureContext) throws -> SourceRunResult { throw MaildirReadError(folder: staging, reason: "imap pending") }
}
