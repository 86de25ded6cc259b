import Foundation

/// The import rate over the first and the last tenth of the input (by bytes), from the progress
/// readings: whether the load slows down as the archive grows. Keeps three readings, whatever the
/// input size.
struct ImportRateWindows {
    private struct Reading {
        var seconds: TimeInterval
        var records: Int
    }

    private let started: Date
    /// The first reading at or past a tenth of the input.
    private var firstTenth: Reading?
    /// The last reading before nine tenths of the input.
    private var lastTenthStart: Reading?
    private var end: Reading?

    init(started: Date) {
        self.started = started
    }

    /// `fraction`: the share of input bytes done, 0...1.
    mutating func record(records: Int, fraction: Double, at now: Date = Date()) {
        let reading = Reading(seconds: now.timeIntervalSince(started), records: records)
        if fraction >= 0.1 && firstTenth == nil { firstTenth = reading }
        if fraction < 0.9 { lastTenthStart = reading }
        end = reading
    }

    /// Records per second over the first tenth of the input; nil before it is done.
    var firstTenthRate: Double? {
        guard let firstTenth, firstTenth.seconds > 0 else { return nil }
        return Double(firstTenth.records) / firstTenth.seconds
    }

    /// Records per second from nine tenths of the input to the end; nil for an input read in too
    /// few steps to tell.
    var lastTenthRate: Double? {
        guard let lastTenthStart, let end, end.seconds > lastTenthStart.seconds, end.records > lastTenthStart.records
        else { return nil }
        return Double(end.records - lastTenthStart.records) / (end.seconds - lastTenthStart.seconds)
    }
}
