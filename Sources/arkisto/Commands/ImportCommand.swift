import Archive
import ArgumentParser
import Foundation
import Ingest
import MIME
import Query

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import sources into the archive.",
        discussion: """
            Every record read ends up archived, already present (imported before) or quarantined with its \
            reason; the summary counts each. Importing the same input again adds nothing, which is also how \
            an interrupted import is completed.
            """,
        subcommands: [ImportMailCommand.self, ImportHelpdeskCommand.self, ImportCallsCommand.self, ImportCustomersCommand.self])
}

/// What every import command takes.
struct ImportOptions: ParsableArguments {
    @OptionGroup var archive: ArchiveOptions

    @Option(help: ArgumentHelp(
        "The secret key file for hashing personal identity codes (created, mode 0600, when missing).",
        valueName: "path"))
    var personalIDKey: String?

    @Option(help: "The full-text tokenizer of a new archive: finnish or unicode61 (for comparison).")
    var tokenizer: IndexTokenizer = .finnish

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    @Flag(help: "No progress output.")
    var quiet = false

    func open() throws -> ArchiveStore {
        try archive.open(tokenizer: tokenizer)
    }

    func key() throws -> PersonalIDKey {
        let path = personalIDKey ?? ProcessInfo.processInfo.environment["ARKISTO_PERSONAL_ID_KEY"] ?? archive.path + ".pidkey"
        return try PersonalIDKey.loadOrCreate(at: path)
    }

    /// Runs an import with progress, classifies what it added, and prints the summary.
    func run(_ store: ArchiveStore, noun: String, _ body: ((ImportTally) -> Void) throws -> ImportTally) throws {
        let started = Date()
        var reporter = ProgressReporter(enabled: !quiet && !json, started: started, noun: noun)
        let tally: ImportTally
        do {
            tally = try body { reporter.update($0) }
        } catch {
            reporter.finish()
            throw error
        }
        reporter.finish()
        let flags = try Classifier(archive: store).apply()
        let summary = ImportSummary(tally: tally, seconds: Date().timeIntervalSince(started), noun: noun)
        if json {
            try Output.json(summary)
        } else {
            print(summary.text)
            print("archive: \(flags.complaints) complaints, \(flags.inspectionRequests) inspection requests")
        }
    }
}

struct ImportMailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "Import e-mail from Maildir folders, mbox files and .eml files (or folders of them).")

    @OptionGroup var options: ImportOptions

    @Option(help: "How From_ lines in mbox bodies were escaped: mboxrd or mboxo.")
    var mboxFormat: MboxFlavour = .mboxrd

    @Argument(help: ArgumentHelp("Maildir folders, mbox files, .eml files or folders.", valueName: "path"))
    var paths: [String]

    func run() throws {
        let store = try options.open()
        let importer = MailImporter(archive: store, personalIDKey: try options.key(), mboxFlavour: mboxFormat)
        try options.run(store, noun: "messages") { progress in try importer.run(paths: paths, progress: progress) }
    }
}

struct ImportHelpdeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpdesk", abstract: "Import helpdesk ticket exports (JSON Lines); each comment is an interaction.")

    @OptionGroup var options: ImportOptions
    @Argument(help: ArgumentHelp("Ticket export files.", valueName: "path")) var paths: [String]

    func run() throws {
        let store = try options.open()
        let importer = HelpdeskImporter(archive: store, personalIDKey: try options.key())
        try options.run(store, noun: "tickets") { progress in try importer.run(paths: paths, progress: progress) }
    }
}

struct ImportCallsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "Import Asterisk call detail records (Master.csv) with their recordings' headers and transcripts.")

    @OptionGroup var options: ImportOptions
    @Option(help: ArgumentHelp("Folder of the recordings (default: recordings/ beside the CDR file).", valueName: "dir"))
    var recordings: String?
    @Option(help: ArgumentHelp("Folder of WebVTT transcripts (default: transcripts/ beside the CDR file).", valueName: "dir"))
    var transcripts: String?
    @Option(help: "The PBX's time zone: CDR times are local.") var timeZone = "Europe/Helsinki"
    @Argument(help: ArgumentHelp("CDR files.", valueName: "path")) var paths: [String]

    func run() throws {
        guard let zone = TimeZone(identifier: timeZone) else {
            throw ValidationError("unknown time zone '\(timeZone)'")
        }
        let store = try options.open()
        var importer = CallImporter(archive: store, personalIDKey: try options.key(), timeZone: zone)
        importer.recordingsFolder = recordings
        importer.transcriptsFolder = transcripts
        try options.run(store, noun: "calls") { progress in try importer.run(paths: paths, progress: progress) }
    }
}

struct ImportCustomersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers", abstract: "Import the customer register (JSON Lines or CSV) and link interactions to it.")

    @OptionGroup var options: ImportOptions
    @Argument(help: ArgumentHelp("Customer list files.", valueName: "path")) var paths: [String]

    func run() throws {
        let store = try options.open()
        let importer = CustomerImporter(archive: store, personalIDKey: try options.key())
        try options.run(store, noun: "customers") { progress in try importer.run(paths: paths, progress: progress) }
    }
}

extension MboxFlavour: ExpressibleByArgument {}

/// The summary an import prints: every record archived, already present or quarantined.
struct ImportSummary: Encodable {
    var archived: Int
    var alreadyPresent: Int
    var quarantined: Int
    var quarantinedByReason: [String: Int]
    var seconds: Double
    var noun: String

    init(tally: ImportTally, seconds: Double, noun: String) {
        archived = tally.archived
        alreadyPresent = tally.alreadyPresent
        quarantined = tally.quarantined
        quarantinedByReason = Dictionary(uniqueKeysWithValues: tally.quarantinedByReason.map { ($0.key.rawValue, $0.value) })
        self.seconds = (seconds * 1000).rounded() / 1000
        self.noun = noun
    }

    enum CodingKeys: String, CodingKey {
        case archived, alreadyPresent = "already_present", quarantined
        case quarantinedByReason = "quarantined_by_reason", seconds
    }

    var text: String {
        let total = archived + alreadyPresent + quarantined
        let rate = seconds > 0 ? Double(total) / seconds : 0
        var lines = [
            "Imported \(total) \(noun) in \(String(format: "%.1f", seconds)) s (\(Int(rate)) \(noun)/s)",
            "  archived:        \(archived)",
            "  already present: \(alreadyPresent)",
            "  quarantined:     \(quarantined)",
        ]
        for (reason, count) in quarantinedByReason.sorted(by: { $0.key < $1.key }) {
            lines.append("    \(reason): \(count)")
        }
        if quarantined > 0 {
            lines.append("See `arkisto quarantine list` for each record set aside, where it came from and why.")
        }
        return lines.joined(separator: "\n")
    }
}

/// Progress on standard error: a rewritten line on a terminal, a line every few seconds otherwise.
struct ProgressReporter {
    var enabled: Bool
    var started: Date
    var noun: String
    var lastPrinted = Date.distantPast
    var printedInPlace = false

    init(enabled: Bool, started: Date, noun: String) {
        self.enabled = enabled
        self.started = started
        self.noun = noun
    }

    mutating func update(_ tally: ImportTally) {
        guard enabled else { return }
        let now = Date()
        let interval: TimeInterval = Output.stderrIsTerminal ? 0.2 : 5
        guard now.timeIntervalSince(lastPrinted) >= interval else { return }
        lastPrinted = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let line = "\(tally.total) \(noun), \(Int(Double(tally.total) / elapsed))/s: \(tally.archived) archived, "
            + "\(tally.alreadyPresent) already present, \(tally.quarantined) quarantined"
        if Output.stderrIsTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            printedInPlace = true
        } else {
            Output.error(line)
        }
    }

    func finish() {
        if printedInPlace { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
