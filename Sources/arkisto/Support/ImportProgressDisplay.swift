import Archive
import Foundation

/// One progress reading of an import, whatever its source.
struct ImportProgressSnapshot {
    var tally: ImportTally
    /// Input bytes done and in all, when the importer knows them.
    var bytesDone: Int64?
    var bytesTotal: Int64?

    /// The share of the input bytes done, 0...1, when the importer knows them.
    var fraction: Double? {
        guard let done = bytesDone, let total = bytesTotal, total > 0 else { return nil }
        return min(Double(done) / Double(total), 1)
    }
}

/// Import progress on standard error: on a terminal a bar redrawn in place (count, rate, bytes,
/// estimated time left), otherwise one line every few seconds, for logs.
struct ImportProgressDisplay {
    let started: Date
    let noun: String
    private var line: ProgressLine

    init(enabled: Bool, started: Date, noun: String) {
        self.started = started
        self.noun = noun
        line = ProgressLine(enabled: enabled)
    }

    mutating func update(_ snapshot: ImportProgressSnapshot) {
        guard line.isDue() else { return }
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        line.write(line.onTerminal ? bar(snapshot, elapsed: elapsed) : logLine(snapshot, elapsed: elapsed))
    }

    /// Clears the bar, so that what follows starts on a clean line.
    func finish() {
        line.finish()
    }

    private func bar(_ snapshot: ImportProgressSnapshot, elapsed: TimeInterval) -> String {
        var parts: [String] = []
        if let fraction = fraction(snapshot) {
            parts += ProgressLine.bar(fraction)
        }
        parts.append("\(snapshot.tally.total) \(noun)")
        parts.append("\(Int(Double(snapshot.tally.total) / elapsed))/s")
        if let bytes = bytesText(snapshot, elapsed: elapsed) { parts.append(bytes) }
        if let eta = etaText(snapshot, elapsed: elapsed) { parts.append("ETA \(eta)") }
        if snapshot.tally.quarantined > 0 { parts.append("\(snapshot.tally.quarantined) quarantined") }
        return parts.joined(separator: "  ")
    }

    private func logLine(_ snapshot: ImportProgressSnapshot, elapsed: TimeInterval) -> String {
        var line = "\(snapshot.tally.total) \(noun)"
        if let fraction = fraction(snapshot) { line += String(format: " (%.0f%%)", fraction * 100) }
        line += ", \(Int(Double(snapshot.tally.total) / elapsed))/s"
        if let bytes = bytesText(snapshot, elapsed: elapsed) { line += ", \(bytes)" }
        if let eta = etaText(snapshot, elapsed: elapsed) { line += ", ETA \(eta)" }
        let updated = snapshot.tally.updated > 0 ? "\(snapshot.tally.updated) updated, " : ""
        return line + ": \(snapshot.tally.archived) archived, \(updated)\(snapshot.tally.alreadyPresent) already present, "
            + "\(snapshot.tally.quarantined) quarantined"
    }

    private func fraction(_ snapshot: ImportProgressSnapshot) -> Double? {
        snapshot.fraction
    }

    private func bytesText(_ snapshot: ImportProgressSnapshot, elapsed: TimeInterval) -> String? {
        guard let done = snapshot.bytesDone else { return nil }
        var text = Self.mebibytes(done)
        if let total = snapshot.bytesTotal, total > 0 { text += "/" + Self.mebibytes(total) }
        return text + String(format: " MiB, %.1f MiB/s", Double(done) / 1_048_576 / elapsed)
    }

    /// Time left at the average rate so far, once there is something to average.
    private func etaText(_ snapshot: ImportProgressSnapshot, elapsed: TimeInterval) -> String? {
        guard let fraction = fraction(snapshot), fraction > 0.01, fraction < 1 else { return nil }
        return Self.duration(elapsed * (1 - fraction) / fraction)
    }

    static func mebibytes(_ bytes: Int64) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }

    /// `m:ss`, or `h:mm:ss` from an hour up.
    static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0
            ? String(format: "%d:%02d:%02d", hours, minutes, secs)
            : String(format: "%d:%02d", minutes, secs)
    }
}

/// A progress line on standard error: on a terminal redrawn in place at most five times a
/// second, otherwise (a log) one line every five seconds.
struct ProgressLine {
    let enabled: Bool
    let onTerminal = Output.stderrIsTerminal
    private var lastPrinted = Date.distantPast
    private var printedInPlace = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Prints `bar` (a terminal) or `log` (otherwise) unless one was printed too recently.
    mutating func show(bar: () -> String, log: () -> String) {
        guard isDue() else { return }
        write(onTerminal ? bar() : log())
    }

    /// Whether a line may be printed now (and if so, counts it as printed now).
    mutating func isDue() -> Bool {
        guard enabled else { return false }
        let now = Date()
        guard now.timeIntervalSince(lastPrinted) >= (onTerminal ? 0.2 : 5) else { return false }
        lastPrinted = now
        return true
    }

    /// Redraws the bar in place on a terminal, else prints a log line.
    mutating func write(_ text: String) {
        if onTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
            printedInPlace = true
        } else {
            Output.error(text)
        }
    }

    /// Clears the bar, so that what follows starts on a clean line.
    func finish() {
        if printedInPlace { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// `[######..........]  40%` for a share done (0...1).
    static func bar(_ fraction: Double) -> [String] {
        let width = 24
        let filled = Int((min(max(fraction, 0), 1) * Double(width)).rounded(.down))
        return ["[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]",
                String(format: "%3.0f%%", fraction * 100)]
    }
}
