import ArgumentParser
import Capture
import Dispatch
import Foundation

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Run every source continuously until SIGTERM or SIGINT (arkisto serve does the same beside the web app).",
        discussion: """
            A Maildir or helpdesk folder is read as soon as a file arrives (inotify), and rescanned every minute; \
            the CDR file as it grows; an IMAP mailbox every --poll-seconds of its source. SIGTERM finishes the \
            batch in flight and exits 0. A second watch on the same archive waits for the first and takes over \
            when it ends (even by SIGKILL).
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("The personal identity code key file (default: ARCHIVE.pidkey).", valueName: "path"))
    var personalIDKey: String?

    func run() throws {
        let capture = try CaptureSetup(archive: archive, personalIDKey: personalIDKey)
        let stop = SignalStop()
        let lock = try capture.lock()
        Output.error("arkisto: watching the sources of \(archive.path)")
        try CaptureScheduler(context: capture.context) { event in
            switch event {
            case .run(let report): Output.error(Output.escaped(report.line))
            case .problem(let message): Output.error("warning: \(Output.escaped(message))")
            }
        }.watch(stop: stop.signal)
        withExtendedLifetime((lock, stop)) {}
        Output.error("arkisto: stopped")
    }
}
