import Archive
import ArgumentParser
import Foundation
import Ingest
import MIME
import Query

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import sources into the archive.",
        subcommands: [ImportMailCommand.self])
}

struct ImportMailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "Import e-mail from Maildir folders, mbox files and .eml files (or folders of them).")

    @OptionGroup var archive: ArchiveOptions

    @Option(help: "How From_ lines in mbox bodies were escaped: mboxrd or mboxo.")
    var mboxFormat: MboxFlavour = .mboxrd

    @Option(help: "The full-text tokenizer of a new archive: finnish or unicode61 (for comparison).")
    var tokenizer: IndexTokenizer = .finnish

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    @Flag(help: "No progress output.")
    var quiet = false

    @Argument(help: ArgumentHelp("Maildir folders, mbox files, .eml files or folders.", valueName: "path"))
    var paths: [String]

    func run() throws {
        let store = try archive.open(tokenizer: tokenizer)
        let importer = MailImporter(archive: store, mboxFlavour: mboxFormat)
        let started = Date()
        var reporter = ProgressReporter(enabled: !quiet && !json, started: started)
        let tally: ImportTally
        do {
            tally = try importer.run(paths: paths) { reporter.update($0) }
        } catch {
            reporter.finish()
            throw error
        }
        reporter.finish()
        try Classifier(archive: store).apply()
        let summary = ImportSummary(tally: tally, seconds: Date().timeIntervalSince(started))
        if json {
            try Output.json(summary)
        } else {
            print(summary.text)
        }
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

    init(tally: ImportTally, seconds: Double) {
        archived = tally.archived
        alreadyPresent = tally.alreadyPresent
        quarantined = tally.quarantined
        quarantinedByReason = Dictionary(uniqueKeysWithValues: tally.quarantinedByReason.map { ($0.key.rawValue, $0.value) })
        self.seconds = (seconds * 1000).rounded() / 1000
    }

    enum CodingKeys: String, CodingKey {
        case archived, alreadyPresent = "already_present", quarantined
        case quarantinedByReason = "quarantined_by_reason", seconds
    }

    var text: String {
        let total = archived + alreadyPresent + quarantined
        let rate = seconds > 0 ? Double(total) / seconds : 0
        var lines = [
            "Imported \(total) messages in \(String(format: "%.1f", seconds)) s (\(Int(rate)) messages/s)",
            "  archived:        \(archived)",
            "  already present: \(alreadyPresent)",
            "  quarantined:     \(quarantined)",
        ]
        for (reason, count) in quarantinedByReason.sorted(by: { $0.key < $1.key }) {
            lines.append("    \(reason): \(count)")
        }
        if quarantined > 0 {
            lines.append("See `arkisto quarantine list` for each set-aside message and its reason.")
        }
        return lines.joined(separator: "\n")
    }
}

/// Progress on standard error: a rewritten line on a terminal, a line every few seconds otherwise.
struct ProgressReporter {
    var enabled: Bool
    var started: Date
    var lastPrinted = Date.distantPast
    var printedInPlace = false

    init(enabled: Bool, started: Date) {
        self.enabled = enabled
        self.started = started
    }

    mutating func update(_ tally: ImportTally) {
        guard enabled else { return }
        let now = Date()
        let interval: TimeInterval = Output.stderrIsTerminal ? 0.2 : 5
        guard now.timeIntervalSince(lastPrinted) >= interval else { return }
        lastPrinted = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let line = "\(tally.total) messages, \(Int(Double(tally.total) / elapsed))/s: \(tally.archived) archived, "
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
