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
        subcommands: [
            ImportMailCommand.self, ImportHelpdeskCommand.self, ImportCallsCommand.self, ImportCustomersCommand.self,
            ImportFingerprintCommand.self,
        ])
}

/// What every import command takes.
struct ImportOptions: ParsableArguments {
    @OptionGroup var archive: ArchiveOptions

    @Option(help: ArgumentHelp(
        "The secret key file for hashing personal identity codes (created, mode 0600, when missing).",
        valueName: "path"))
    var personalIDKey: String?

    @Option(help: "The full-text tokenizer of a new archive: finnish, or unicode61 or snowball (baselines for comparison).")
    var tokenizer: IndexTokenizer = .finnish

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    @Flag(help: "No progress output.")
    var quiet = false

    /// For tests of a full disk: the archive may not grow beyond this many bytes.
    @Option(help: .hidden)
    var maxArchiveBytes: Int64?

    func open() throws -> ArchiveStore {
        try ArchiveOpening.open(path: archive.path, tokenizer: tokenizer, maxSizeBytes: maxArchiveBytes)
    }

    func key() throws -> PersonalIDKey {
        let path = personalIDKey ?? ProcessInfo.processInfo.environment["ARKISTO_PERSONAL_ID_KEY"] ?? archive.path + ".pidkey"
        return try PersonalIDKey.loadOrCreate(at: path)
    }

    /// Runs an import with progress, classifies what it added, and prints the summary; then
    /// `afterLoad` (the OCR pass), whose outcome the summary includes.
    func run(
        _ store: ArchiveStore, noun: String, afterLoad: (() throws -> RecognitionAfterImport)? = nil,
        _ body: ((ImportProgressSnapshot) -> Void) throws -> ImportTally
    ) throws {
        let started = Date()
        var display = ImportProgressDisplay(enabled: !quiet && !json, started: started, noun: noun)
        var last = ImportProgressSnapshot(tally: ImportTally())
        var rates = ImportRateWindows(started: started)
        let tally: ImportTally
        do {
            tally = try body { snapshot in
                last = snapshot
                if let fraction = snapshot.fraction { rates.record(records: snapshot.tally.total, fraction: fraction) }
                display.update(snapshot)
            }
        } catch {
            display.finish()
            throw error
        }
        display.finish()
        let flags = try Classifier(archive: store).apply()
        var summary = ImportSummary(
            tally: tally, seconds: Date().timeIntervalSince(started), noun: noun, bytes: last.bytesDone)
        summary.rateFirstTenth = rates.firstTenthRate.map { $0.rounded() }
        summary.rateLastTenth = rates.lastTenthRate.map { $0.rounded() }
        if json {
            summary.ocr = try afterLoad?()
            try Output.json(summary)
        } else {
            print(summary.text)
            print("archive: \(flags.complaints) complaints, \(flags.inspectionRequests) inspection requests")
            if let afterLoad, let line = try afterLoad().text { print(line) }
        }
    }

    /// Runs an importer that reports its tally only.
    func run(_ store: ArchiveStore, noun: String, tallying body: ((ImportTally) -> Void) throws -> ImportTally) throws {
        try run(store, noun: noun) { report in
            try withoutActuallyEscaping(report) { report in
                try body { report(ImportProgressSnapshot(tally: $0)) }
            }
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

    @Option(help: "Threads reading and parsing messages, and recognising pages after the load (default: one per core).")
    var jobs: Int?

    @Flag(help: "Read every file again, also those already archived at the same path.")
    var rescan = false

    @Flag(help: "Leave the images and scanned pages queued for OCR (run arkisto extract later).")
    var noOCR = false

    @OptionGroup var attachments: AttachmentLimitOptions

    /// For tests and tuning: messages per write transaction (also bounded by 32 MiB).
    @Option(help: .hidden)
    var batchMessages: Int?

    /// For tests: files of a folder listed at a time.
    @Option(help: .hidden)
    var listingChunk: Int?

    @Argument(help: ArgumentHelp("Maildir folders, mbox files, .eml files or folders.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let batchMessages, batchMessages < 1 { throw ValidationError("--batch-messages must be at least 1") }
        if let listingChunk, listingChunk < 1 { throw ValidationError("--listing-chunk must be at least 1") }
    }

    func run() throws {
        let store = try options.open()
        let key = try options.key()
        var importer = MailImporter(archive: store, personalIDKey: key, mboxFlavour: mboxFormat)
        if let jobs { importer.jobs = jobs }
        if let batchMessages { importer.batchMessages = batchMessages }
        if let listingChunk { importer.listingChunk = listingChunk }
        importer.rescan = rescan
        importer.reader = attachments.extractor
        let afterLoad = { () throws -> RecognitionAfterImport in
            guard !noOCR else { return .skipped(queued: try store.recognitionJobsWaiting()) }
            let stop = SignalStop()
            defer { withExtendedLifetime(stop) {} }
            let pass = RecognitionRun(
                store: store, key: key, workers: jobs, showProgress: !options.quiet && !options.json,
                extractor: attachments.extractor)
            return .ran(RecognitionReport(try pass.run(stop: stop)))
        }
        try options.run(store, noun: "messages", afterLoad: afterLoad) { report in
            try importer.run(paths: paths) { progress in
                report(ImportProgressSnapshot(
                    tally: progress.tally, bytesDone: progress.bytesDone, bytesTotal: progress.bytesTotal))
            }
        }
    }
}

struct ImportHelpdeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpdesk", abstract: "Import helpdesk ticket exports (JSON Lines); each comment is an interaction.")

    @OptionGroup var options: ImportOptions
    @Option(help: ArgumentHelp(
        "Comments archived per ticket; the comments after them are quarantined (too_many_comments).",
        valueName: "count"))
    var maxComments = HelpdeskImporter.defaultMaxCommentsPerTicket
    @Argument(help: ArgumentHelp("Ticket export files.", valueName: "path")) var paths: [String]

    func validate() throws {
        if maxComments < 1 { throw ValidationError("--max-comments must be at least 1") }
    }

    func run() throws {
        let store = try options.open()
        var importer = HelpdeskImporter(archive: store, personalIDKey: try options.key())
        importer.maxCommentsPerTicket = maxComments
        try options.run(store, noun: "tickets", tallying: { progress in try importer.run(paths: paths, progress: progress) })
    }
}

struct ImportCallsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "Import Asterisk call detail records (Master.csv) with their recordings' headers and transcripts.",
        discussion: """
            A call archived before its recording or transcript existed gets them when the same CDR file is \
            imported again after they appear: the call is counted as updated, becomes searchable by what was \
            said, is classified again and linked to the customers the transcript names.
            """)

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
        try options.run(store, noun: "calls", tallying: { progress in try importer.run(paths: paths, progress: progress) })
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
        try options.run(store, noun: "customers", tallying: { progress in try importer.run(paths: paths, progress: progress) })
    }
}

extension MboxFlavour: ExpressibleByArgument {}

/// The summary an import prints: every record archived, already present or quarantined.
struct ImportSummary: Encodable {
    var archived: Int
    /// Records that replaced a different stored version of themselves (changed customer records), or
    /// calls archived before that gained their recording or transcript.
    var updated: Int
    var alreadyPresent: Int
    var previouslyRemoved: Int
    var quarantined: Int
    var quarantinedByReason: [String: Int]
    var seconds: Double
    /// Input bytes read, when the importer counts them.
    var bytes: Int64?
    var noun: String
    /// The OCR pass after a mail import, or how much it left queued.
    var ocr: RecognitionAfterImport?
    /// Records per second over the first and the last tenth of the input bytes, when the importer
    /// counts bytes (``ImportRateWindows``).
    var rateFirstTenth: Double?
    var rateLastTenth: Double?

    init(tally: ImportTally, seconds: Double, noun: String, bytes: Int64? = nil) {
        archived = tally.archived
        updated = tally.updated
        alreadyPresent = tally.alreadyPresent
        previouslyRemoved = tally.previouslyRemoved
        quarantined = tally.quarantined
        quarantinedByReason = Dictionary(uniqueKeysWithValues: tally.quarantinedByReason.map { ($0.key.rawValue, $0.value) })
        self.seconds = (seconds * 1000).rounded() / 1000
        self.bytes = bytes
        self.noun = noun
    }

    enum CodingKeys: String, CodingKey {
        case archived, updated, alreadyPresent = "already_present", previouslyRemoved = "previously_removed", quarantined
        case quarantinedByReason = "quarantined_by_reason", seconds, bytes, ocr
        case rateFirstTenth = "rate_first_tenth", rateLastTenth = "rate_last_tenth"
    }

    var total: Int { archived + updated + alreadyPresent + quarantined + previouslyRemoved }

    var text: String {
        let rate = seconds > 0 ? Double(total) / seconds : 0
        var timing = "Imported \(total) \(noun) in \(String(format: "%.1f", seconds)) s (\(Int(rate)) \(noun)/s"
        if let bytes, seconds > 0 {
            timing += String(format: ", %.1f MiB read at %.1f MiB/s", Double(bytes) / 1_048_576, Double(bytes) / 1_048_576 / seconds)
        }
        var lines = [
            timing + ")",
            "  archived:        \(archived)",
        ]
        if updated > 0 { lines.append("  updated:         \(updated)") }
        lines += [
            "  already present: \(alreadyPresent)",
            "  quarantined:     \(quarantined)",
        ]
        for (reason, count) in quarantinedByReason.sorted(by: { $0.key < $1.key }) {
            lines.append("    \(reason): \(count)")
        }
        if previouslyRemoved > 0 {
            lines.append("  previously removed (erased or past retention, not brought back): \(previouslyRemoved)")
        }
        if quarantined > 0 {
            lines.append("See `arkisto quarantine list` for each record set aside, where it came from and why.")
        }
        return lines.map(Output.escaped).joined(separator: "\n")
    }
}

/// What became of the OCR work an import queued.
enum RecognitionAfterImport: Encodable {
    case ran(RecognitionReport)
    /// `--no-ocr`: the pages waiting.
    case skipped(queued: Int)

    /// Nil when there was nothing to recognise.
    var text: String? {
        switch self {
        case .ran(let report): report.recognised + report.failed + report.left > 0 ? report.text : nil
        case .skipped(let queued): "OCR: \(queued) pages queued (--no-ocr); run arkisto extract to recognise them"
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .ran(let report): try report.encode(to: encoder)
        case .skipped(let queued):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(queued, forKey: .queued)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case queued
    }
}
