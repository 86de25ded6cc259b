import Archive

/// The reader that does a configured source's work.
enum SourceReaders {
    static func reader(for source: ConfiguredSource, archive: ArchiveStore) -> any SourceReader {
        switch source.settings {
        case .maildir(let maildir):
            MaildirReader(name: source.name, folder: maildir.path)
        case .imap(let imap):
            IMAPReader(name: source.name, settings: imap, staging: SourceRegistry.staging(of: source.name, in: archive))
        case .helpdesk(let helpdesk):
            HelpdeskFolderReader(name: source.name, folder: helpdesk.folder)
        case .calls(let calls):
            CallsReader(name: source.name, settings: calls)
        }
    }
}
