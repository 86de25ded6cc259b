import ArgumentParser
import Capture
import Foundation

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Run every source once (for cron or a systemd timer) and print what each archived.",
        discussion: """
            Exits 1 when a source failed; the others still ran. Waits while another sync, watch or serve is capturing,             unless --no-wait: then it exits 75 at once (a cron job beside a running watch).
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("The personal identity code key file (default: ARCHIVE.pidkey).", valueName: "path"))
    var personalIDKey: String?
    @Flag(help: "Print one JSON object per source, in an array.") var json = false
    @Flag(help: "Exit 75 at once when another sync, watch or serve is capturing, instead of waiting for it.")
    var noWait = false

    func run() throws {
        let capture = try CaptureSetup(archive: archive, personalIDKey: personalIDKey)
        let lock: CaptureLock
        do {
            lock = try capture.lock(wait: !noWait)
        } catch let error as CaptureLockError where error.isHeldElsewhere {
            Output.error("arkisto: \(error.reason); nothing synced")
            throw ExitCode(75)
        }
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
