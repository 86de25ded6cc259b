import Archive
import Foundation

/// One progress reading of an import, whatever its source.
struct ImportProgressSnapshot {
    var tally: ImportTally
    /// Input bytes done and in all, when the importer knows them.
    var bytesDone: Int64?
    var bytesTotal: Int64?
}

/// Import progress on standard error: on a terminal a bar redrawn in place (count, rate, bytes,
/// estimated time left), otherwise one line every few seconds, for logs.
struct ImportProgressDisplay {
    let enabled: Bool
    let started: Date
    let noun: String
    let onTerminal = Output.stderrIsTerminal
    private var lastPrinted = Date.distantPast
    private var printedInPlace = false

    init(enabled: Bool, started: Date, noun: String) {
        self.enabled = enabled
        self.started = started
        self.noun = noun
    }

    mutating func update(_ snapshot: ImportProgressSnapshot) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastPrinted) >= (onTerminal ? 0.2 : 5) else { return }
        lastPrinted = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        if onTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + bar(snapshot, elapsed: elapsed)).utf8))
            printedInPlace = true
        } else {
            Output.error(logLine(snapshot, elapsed: elapsed))
        }
    }

    /// Clears the bar, so that what follows starts on a clean line.
    func finish() {
        if printedInPlace { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private func bar(_ snapshot: ImportProgressSnapshot, elapsed: TimeInterval) -> String {
        var parts: [String] = []
        if let fraction = fraction(snapshot) {
            let width = 24
            let filled = Int((fraction * Double(width)).rounded(.down))
            parts.append("[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]")
            parts.append(String(format: "%3.0f%%", fraction * 100))
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
        guard let done = snapshot.bytesDone, let total = snapshot.bytesTotal, total > 0 else { return nil }
        return min(Double(done) / Double(total), 1)
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
