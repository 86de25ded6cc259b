import Archive
import Extract
import Foundation
import Ingest

/// Running the OCR pass from a command (`extract`, `import mail`): a progress line, a summary,
/// and SIGTERM or SIGINT finishing the pages in flight before the command ends.
struct RecognitionRun {
    var store: ArchiveStore
    var key: PersonalIDKey
    /// Pages recognised at once; nil: one per core.
    var workers: Int?
    var showProgress: Bool
    var extractor: AttachmentExtractor

    func run(stop: SignalStop) throws -> RecognitionSummary {
        var pass = RecognitionPass(archive: store, personalIDKey: key, reader: extractor)
        if let workers { pass.workers = workers }
        let started = Date()
        var line = ProgressLine(enabled: showProgress)
        defer { line.finish() }
        let signal = stop.signal
        return try pass.run(stop: { signal.isRequested }) { progress in
            let elapsed = max(Date().timeIntervalSince(started), 0.001)
            let rate = String(format: "%.1f pages/s", Double(progress.done) / elapsed)
            let counts = "\(progress.done)/\(progress.total) pages"
            let failed = progress.failed > 0 ? ", \(progress.failed) failed" : ""
            line.show(
                bar: {
                    let share = progress.total > 0 ? Double(progress.done) / Double(progress.total) : 1
                    return (["OCR"] + ProgressLine.bar(share) + [counts, rate]).joined(separator: "  ") + failed
                },
                log: { "OCR: \(counts), \(rate)\(failed)" })
        }
    }
}

/// What an OCR pass prints.
struct RecognitionReport: Encodable {
    var recognised: Int
    var failed: Int
    var left: Int
    var seconds: Double

    init(_ summary: RecognitionSummary) {
        recognised = summary.recognised
        failed = summary.failed
        left = summary.left
        seconds = (summary.seconds * 1000).rounded() / 1000
    }

    var text: String {
        var line = "OCR: \(recognised) pages recognised, \(failed) failed, \(left) left"
        line += String(format: " (%.1f s)", seconds)
        if failed > 0 { line += "; the reasons are on the attachments (arkisto parse --json, the message view)" }
        if left > 0 { line += "; run arkisto extract to go on" }
        return line
    }
}
