import Archive
import Foundation
import Ingest
import Query

/// Runs an archive's sources: once each (`sync`), or continuously until stopped (`watch`,
/// `serve`). One source runs at a time on the calling thread, so the archive has one writer;
/// readers of the archive are never blocked (WAL). A source that fails is retried with back-off
/// (5 s doubling to 5 min, or only up to its poll interval while its server is unreachable) and
/// reported; the others go on.
public final class CaptureScheduler {
    private struct Entry {
        var source: ConfiguredSource
        var reader: any SourceReader
        var due: ContinuousClock.Instant
        var failures = 0
    }

    private let context: CaptureContext
    private let registry: SourceRegistry
    private let report: (CaptureEvent) -> Void
    private let clock = ContinuousClock()
    private var entries: [Entry] = []
    private let events = FolderEvents()

    /// How often `watch` reads the source list again (sources added or removed meanwhile).
    public var reloadInterval: Duration = .seconds(30)

    /// `report` is told of every run that changed something or failed, and of other problems.
    public init(context: CaptureContext, report: @escaping (CaptureEvent) -> Void = { _ in }) {
        self.context = context
        registry = SourceRegistry(archive: context.archive)
        self.report = report
    }

    /// Runs every source once, each until it has nothing more waiting, and returns what each did
    /// (a failed source's report carries its error).
    public func syncOnce(stop: StopSignal? = nil) throws(SourceRegistryError) -> [SourceRunReport] {
        try reload()
        var reports: [SourceRunReport] = []
        for index in entries.indices {
            var total = SourceRunReport(source: entries[index].source.name.rawValue, kind: entries[index].source.settings.kind)
            repeat {
                let (run, more) = runOnce(index)
                total.archived += run.archived
                total.updated += run.updated
                total.alreadyPresent += run.alreadyPresent
                total.quarantined += run.quarantined
                total.seconds += run.seconds
                total.error = run.error
                guard more, run.error == nil, stop?.isRequested != true else { break }
            } while true
            reports.append(total)
        }
        return reports
    }

    /// Runs the sources until `stop` is requested: each when its folders change, when its
    /// interval passes, or at once again while it has more waiting. A run in flight finishes
    /// (at most ``CaptureContext/maxItemsPerRun`` items) before this returns.
    public func watch(stop: StopSignal) throws(SourceRegistryError) {
        try reload()
        var nextReload = clock.now.advanced(by: reloadInterval)
        while !stop.isRequested {
            // Watched before the runs, so that nothing arriving during a run goes unnoticed.
            for folder in entries.flatMap(\.reader.watchedFolders) {
                events.watch(folder)
            }
            for index in entries.indices where entries[index].due <= clock.now && !stop.isRequested {
                let (run, more) = runOnce(index)
                if more && run.error == nil { entries[index].due = clock.now }
            }
            if clock.now >= nextReload {
                do {
                    try reload()
                } catch {
                    report(.problem("reading the source list: \(error)"))
                }
                nextReload = clock.now.advanced(by: reloadInterval)
            }
            let wake = (entries.map(\.due) + [nextReload]).min() ?? nextReload
            let timeout = max(.zero, clock.now.duration(to: wake))
            guard timeout > .zero else { continue }
            let changed = events.wait(timeout: timeout, stop: stop)
            guard !changed.isEmpty else { continue }
            for index in entries.indices where entries[index].failures == 0
                && !changed.isDisjoint(with: entries[index].reader.watchedFolders)
            {
                entries[index].due = clock.now
            }
        }
    }

    /// Runs one source once and records how it went.
    private func runOnce(_ index: Int) -> (SourceRunReport, more: Bool) {
        let started = clock.now
        let source = entries[index].source
        var run = SourceRunReport(source: source.name.rawValue, kind: source.settings.kind)
        var result = SourceRunResult()
        do {
            let lastBefore = try context.archive.lastInteractionID()
            result = try entries[index].reader.run(context)
            result.classify.after = lastBefore
            entries[index].failures = 0
            entries[index].due = clock.now.advanced(by: entries[index].reader.interval)
        } catch {
            run.error = "\(error)"
            entries[index].failures += 1
            // A server that was down is tried again at least as often as it is polled, so mail
            // comes soon after it is back; a failure that needs a person (a wrong password) waits
            // up to 5 minutes, so as not to hammer a server into locking the account.
            let transient = (error as? any TransientFailure)?.isTransient ?? false
            let ceiling = transient ? max(entries[index].reader.interval, .seconds(5)) : .seconds(300)
            entries[index].due = clock.now.advanced(by: Self.backOff(failures: entries[index].failures, ceiling: ceiling))
        }
        run.archived = result.tally.archived
        run.updated = result.tally.updated
        run.alreadyPresent = result.tally.alreadyPresent
        run.quarantined = result.tally.quarantined
        run.seconds = TimedProcess.seconds(started.duration(to: clock.now))
        do {
            try context.archive.recordSourceRun(SourceRunRecord(
                source: run.source, at: Date(), archived: run.archived, updated: run.updated, quarantined: run.quarantined,
                newestItemAt: result.newestItemAt, error: run.error))
        } catch {
            report(.problem("recording how \(run.source) went: \(error)"))
        }
        if run.archived + run.updated > 0 {
            classify(result.classify)
        }
        if run.changedAnything || run.error != nil {
            report(.run(run))
        }
        return (run, result.more)
    }

    /// 5 s after the first failure, doubling up to `ceiling` (at most 5 minutes).
    static func backOff(failures: Int, ceiling: Duration = .seconds(300)) -> Duration {
        min(.seconds(5 << min(max(failures - 1, 0), 6)), ceiling, .seconds(300))
    }

    /// Complaints and inspection requests are flagged as soon as they are archived.
    private func classify(_ scope: ClassificationScope) {
        do {
            try Classifier(archive: context.archive).apply(to: scope)
        } catch {
            report(.problem("classifying what was captured: \(error)"))
        }
    }

    /// Reads the source list: new sources start now, removed ones stop, the others keep their
    /// state.
    private func reload() throws(SourceRegistryError) {
        let configured = try registry.all()
        var kept: [Entry] = []
        for source in configured {
            if let existing = entries.first(where: { $0.source == source }) {
                kept.append(existing)
            } else {
                kept.append(Entry(
                    source: source, reader: SourceReaders.reader(for: source, archive: context.archive), due: clock.now))
            }
        }
        entries = kept
    }
}
