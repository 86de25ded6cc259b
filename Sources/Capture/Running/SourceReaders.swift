import Archive

/// The reader that does a configured source's work.
enum SourceReaders {
    static func reader(for source: ConfiguredSource, archive: ArchiveStore) -> any SourceReader {
        switch source.settings {
        case .maildir(let maildir):
            MaildirReader(name: source.name, folder: maildir.path)
        case .imap(let imap):
            IMAPReader(name: source.name, settings: imap, staging: archive.files.captureFolder + "/" + source.name.rawValue)
        case .helpdesk(let helpdesk):
            HelpdeskFolderReader(name: source.name, folder: helpdesk.folder)
        case .calls(let calls):
            CallsReader(name: source.name, settings: calls)
        }
    }
}
