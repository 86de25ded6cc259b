import ArgumentParser
import Capture
import Foundation

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "Sources the archive captures continuously: a Maildir, an IMAP mailbox, a helpdesk folder, Asterisk's CDR.",
        discussion: """
            Sources are kept in the archive. `arkisto sync` runs each once; `arkisto watch` (and `arkisto serve`) \
            run them continuously. A source remembers how far it got.
            """,
        subcommands: [SourcesAddCommand.self, SourcesListCommand.self, SourcesRemoveCommand.self, SourcesStatusCommand.self])
}

struct SourcesAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a source.",
        subcommands: [AddMaildirSource.self, AddIMAPSource.self, AddHelpdeskSource.self, AddCallsSource.self])
}

/// What every `sources add` takes, and the adding itself.
struct SourceAddOptions: ParsableArguments {
    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "The source's name (letters, digits, '.', '_', '-').") var name: String

    func add(_ settings: SourceSettings) throws {
        let store = try archive.open()
        let source = ConfiguredSource(name: try SourceName(name), settings: settings)
        try SourceRegistry(archive: store).add(source)
        let added = try SourceRegistry(archive: store).source(named: name)
        print("added \(settings.kind.rawValue) source \(name): \(Output.escaped(added.location))")
    }
}

struct AddMaildirSource: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maildir", abstract: "A Maildir: new messages are archived within seconds of their arrival.")
    @OptionGroup var options: SourceAddOptions
    @Argument(help: "The Maildir folder (holding new/, cur/, tmp/).") var path: String

    func run() throws { try options.add(.maildir(MaildirSettings(path: path))) }
}

struct AddHelpdeskSource: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpdesk", abstract: "A folder of helpdesk exports (JSON Lines): new and grown files are read.")
    @OptionGroup var options: SourceAddOptions
    @Argument(help: "The folder the helpdesk writes its exports into.") var folder: String

    func run() throws { try options.add(.helpdesk(HelpdeskFolderSettings(folder: folder))) }
}

struct AddCallsSource: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "Asterisk's Master.csv, read from where the last run stopped; late recordings and transcripts are attached.")
    @OptionGroup var options: SourceAddOptions
    @Argument(help: "The CDR file (Master.csv).") var masterCSV: String
    @Option(help: ArgumentHelp("Where recordings are (default: recordings/ beside the CDR file).", valueName: "folder"))
    var recordings: String?
    @Option(help: ArgumentHelp("Where transcripts are (default: transcripts/ beside the CDR file).", valueName: "folder"))
    var transcripts: String?

    func run() throws {
        try options.add(.calls(CallSettings(masterCSV: masterCSV, recordings: recordings, transcripts: transcripts)))
    }
}

struct AddIMAPSource: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imap",
        abstract: "An IMAP mailbox, mirrored read-only with mbsync (nothing is deleted, expunged or flagged on the server).")
    @OptionGroup var options: SourceAddOptions
    @Option(help: ArgumentHelp("imaps://HOST[:PORT]/MAILBOX", valueName: "url")) var url: String
    @Option(help: "The IMAP user.") var user: String
    @Option(help: ArgumentHelp("A file (mode 0600) whose first line is the password.", valueName: "file"))
    var passwordFile: String?
    @Option(help: ArgumentHelp("An environment variable that holds the password when the source runs.", valueName: "name"))
    var passwordEnv: String?
    @Option(help: ArgumentHelp("A CA certificate (PEM) for a server signed by a private CA.", valueName: "file"))
    var caFile: String?
    @Option(help: "Seconds between two mirrors of the mailbox.") var pollSeconds = IMAPSettings.defaultPollSeconds

    func validate() throws {
        if (passwordFile == nil) == (passwordEnv == nil) {
            throw ValidationError("give the password's place with exactly one of --password-file or --password-env")
        }
        if pollSeconds < 1 { throw ValidationError("--poll-seconds must be at least 1") }
    }

    func run() throws {
        let password: PasswordSource = if let passwordFile { .file(passwordFile) } else { .environment(passwordEnv ?? "") }
        try options.add(.imap(IMAPSettings(
            server: try IMAPServer(url: url), user: user, password: password, caFile: caFile, pollSeconds: pollSeconds)))
    }
}

struct SourcesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the sources.")
    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "One JSON array.") var json = false

    func run() throws {
        let sources = try SourceRegistry(archive: try archive.open()).all()
        if json {
            try Output.json(sources.map { SourceListing(name: $0.name.rawValue, kind: $0.settings.kind, location: $0.location) })
            return
        }
        if sources.isEmpty { print("no sources (arkisto sources add maildir|imap|helpdesk|calls NAME ...)") }
        for source in sources {
            print("\(source.name)\t\(source.settings.kind.rawValue)\t\(Output.escaped(source.location))")
        }
    }

    private struct SourceListing: Encodable {
        var name: String
        var kind: SourceKind
        var location: String
    }
}

struct SourcesRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a source; what it archived stays in the archive.")
    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "The source's name.") var name: String

    func run() throws {
        try SourceRegistry(archive: try archive.open()).remove(named: name)
        print("removed source \(name)")
    }
}

struct SourcesStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Per source: the last success, the last error, the lag (newest item's age), items per minute.")
    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "One JSON array.") var json = false

    func run() throws {
        let statuses = try SourceStatus.all(archive: try archive.open())
        if json {
            try Output.json(statuses)
            return
        }
        if statuses.isEmpty { print("no sources") }
        let formatter = ISO8601DateFormatter()
        for status in statuses {
            var line = "\(status.name) (\(status.kind.rawValue)): "
            line += status.lastSuccessAt.map { "last success \(formatter.string(from: $0))" } ?? "never succeeded"
            line += ", \(status.archived) archived, \(status.quarantined) quarantined"
            line += String(format: ", %.1f items/min", status.itemsPerMinute)
            if let lag = status.lagSeconds { line += ", newest item \(lag) s old" }
            if status.isFailing, let error = status.lastError {
                line += "; FAILING (\(status.failures)×): \(Output.escaped(error))"
            }
            print(line)
        }
    }
}
