import ArgumentParser
import Capture
import Foundation

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Run every source once (for cron or a systemd timer) and print what each archived.",
        discussion: "Exits 1 when a source failed; the others still ran. Waits while another sync, watch or serve is capturing.")

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("The personal identity code key file (default: ARCHIVE.pidkey).", valueName: "path"))
    var personalIDKey: String?
    @Flag(help: "Print one JSON object per source, in an array.") var json = false

    func run() throws {
        let capture = try CaptureSetup(archive: archive, personalIDKey: personalIDKey)
        let lock = try capture.lock()
        let reports = try CaptureScheduler(context: capture.context) { event in
            if case .problem(let message) = event { Output.error("warning: \(Output.escaped(message))") }
        }.syncOnce()
        withExtendedLifetime(lock) {}
        if json {
            try Output.json(reports)
        } else {
            if reports.isEmpty { print("no sources (arkisto sources add maildir|imap|helpdesk|calls NAME ...)") }
            for report in reports { print(Output.escaped(report.line)) }
        }
        if reports.contains(where: { $0.error != nil }) { throw ExitCode(1) }
    }
}
