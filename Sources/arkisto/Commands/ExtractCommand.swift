import Archive
import ArgumentParser
import Foundation
import Ingest

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Recognise the text of queued images and scanned PDF pages (OCR); --all reads every e-mail's attachments again.",
        discussion: """
            Importing reads attachments' text layers and documents at once and queues images and text-less PDF \
            pages for OCR (about a second a page). This pass recognises them on every core (--workers) and adds \
            their text to the attachment, the message's search index and its weak identity evidence; a page that \
            cannot be read gives the message the defect attachment_unreadable. arkisto import runs it after the \
            load unless --no-ocr; arkisto serve runs it in the background. Each page is stored as it is done: \
            after an interruption (even kill -9) run it again to finish what is left. \
            --all first reads the attachments of every archived e-mail again from its kept original (for an \
            archive imported before a format was read), updating their text, the index and the OCR queue; it \
            resumes where an interrupted run stopped. Erased and redacted messages are skipped.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("The personal identity code key file (default: ARCHIVE.pidkey).", valueName: "path"))
    var personalIDKey: String?
    @Flag(help: "Read the attachments of every archived e-mail again, then run the OCR pass.")
    var all = false
    @Option(help: "Pages recognised at once (default: one per core).")
    var workers: Int?
    @Flag(help: "Print the summary as one JSON object.")
    var json = false
    @Flag(help: "No progress output.")
    var quiet = false
    @OptionGroup var attachments: AttachmentLimitOptions

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
    }

    func run() throws {
        let store = try archive.open()
        let keyPath = personalIDKey ?? ProcessInfo.processInfo.environment["ARKISTO_PERSONAL_ID_KEY"] ?? store.files.personalIDKey
        let key = try PersonalIDKey.loadOrCreate(at: keyPath)
        let stop = SignalStop()
        defer { withExtendedLifetime(stop) {} }
        var reread: RereadReport?
        if all {
            var rereading = AttachmentRereading(archive: store, personalIDKey: key, reader: attachments.extractor)
            if let workers { rereading.workers = workers }
            var line = ProgressLine(enabled: !quiet && !json)
            let done = try rereading.run(stop: { stop.isRequested }) { progress in
                let counts = "\(progress.interactions)/\(progress.total) e-mails read again"
                let share = progress.total > 0 ? Double(progress.interactions) / Double(progress.total) : 1
                line.show(bar: { (["Attachments"] + ProgressLine.bar(share) + [counts]).joined(separator: "  ") },
                          log: { "Attachments: \(counts)" })
            }
            line.finish()
            reread = RereadReport(done, stopped: stop.isRequested)
            if !json, let reread { print(reread.text) }
        }
        var ocr: RecognitionReport?
        if !stop.isRequested {
            let run = RecognitionRun(
                store: store, key: key, workers: workers, showProgress: !quiet && !json, extractor: attachments.extractor)
            let summary = try run.run(stop: stop)
            ocr = RecognitionReport(summary)
        }
        if json {
            try Output.json(ExtractReport(reread: reread, ocr: ocr))
        } else if let ocr {
            print(ocr.text)
        }
    }
}

/// What `extract --all` read.
struct RereadReport: Encodable {
    var interactions: Int
    var attachmentsWithText: Int
    var attachmentsWithProblems: Int
    var queued: Int
    var stopped: Bool

    init(_ progress: RereadProgress, stopped: Bool) {
        interactions = progress.interactions
        attachmentsWithText = progress.attachmentsWithText
        attachmentsWithProblems = progress.attachmentsWithProblems
        queued = progress.queued
        self.stopped = stopped
    }

    enum CodingKeys: String, CodingKey {
        case interactions, attachmentsWithText = "attachments_with_text"
        case attachmentsWithProblems = "attachments_with_problems", queued = "ocr_queued", stopped
    }

    var text: String {
        var line = "Attachments: \(interactions) e-mails read again, \(attachmentsWithText) attachments with text, "
            + "\(attachmentsWithProblems) with problems, \(queued) images and pages queued for OCR"
        if stopped { line += "; stopped: run arkisto extract --all again to go on" }
        return line
    }
}

/// `extract --json`: the OCR pass's counts at the top (absent when an `--all` run was stopped
/// before it), and what `--all` read under `reread`.
struct ExtractReport: Encodable {
    var reread: RereadReport?
    var ocr: RecognitionReport?

    enum CodingKeys: String, CodingKey {
        case reread, recognised, failed, left, seconds
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(reread, forKey: .reread)
        if let ocr {
            try container.encode(ocr.recognised, forKey: .recognised)
            try container.encode(ocr.failed, forKey: .failed)
            try container.encode(ocr.left, forKey: .left)
            try container.encode(ocr.seconds, forKey: .seconds)
        }
    }
}
