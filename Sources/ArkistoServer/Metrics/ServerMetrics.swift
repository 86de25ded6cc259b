import Capture
import Prometheus
import Synchronization

/// The server's Prometheus metrics, in a registry of its own (never swift-metrics' process-wide
/// one, so that several servers in one process keep theirs apart). Counters are fed as things
/// happen: capture runs, admin imports, searches, sign-ins. The sources' gauges are refreshed from
/// the archive at each scrape (``refresh(_:)``). No metric carries personal data: labels are
/// source names, import kinds and outcomes.
final class ServerMetrics: Sendable {
    /// Where records came from: a configured source captured them, or an admin imported files.
    enum Via: String {
        case capture
        case `import`
    }

    enum SignInOutcome: String, CaseIterable {
        /// Signed in.
        case success
        /// Wrong name or password, or a form token this server did not issue.
        case failure
        /// Refused by the throttle: the account or address is locked, or must wait.
        case locked
        /// Too many sign-ins being checked at once: try again.
        case busy
    }

    let registry = PrometheusCollectorRegistry()
    /// The gauges of each source seen at the last scrape, so a removed source's series go away.
    private let sourceGauges = Mutex<[String: SourceGauges]>([:])
    private let searchDuration: DurationHistogram
    private let captureActive: Gauge

    private struct SourceGauges: Sendable {
        /// Only while the source has archived something (there is no age without an item).
        var lag: Gauge?
        var lastSuccess: Gauge
        var consecutiveFailures: Gauge
    }

    init() {
        searchDuration = registry.makeDurationHistogram(
            descriptor: Self.searchDurationName,
            buckets: [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                      .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2_500), .seconds(5), .seconds(10)])
        captureActive = registry.makeGauge(descriptor: Self.captureActiveName)
        captureActive.set(to: 0)
        for outcome in SignInOutcome.allCases { _ = signInCounter(outcome) }
    }

    // MARK: Names (computed: swift-prometheus' descriptor is not Sendable)

    static var archivedName: MetricNameDescriptor { descriptor("records_archived", "total", "Records archived, by where they came from (capture: a source's name; import: its kind).") }
    static var updatedName: MetricNameDescriptor { descriptor("records_updated", "total", "Stored records replaced by a newer version (an edited comment, a transcript attached).") }
    static var quarantinedName: MetricNameDescriptor { descriptor("records_quarantined", "total", "Input records quarantined with their reason instead of archived.") }
    static var sourceFailuresName: MetricNameDescriptor { descriptor("source_failures", "total", "Failed runs of a capture source (each is retried with back-off).") }
    static var lagName: MetricNameDescriptor { descriptor("source_lag", "seconds", "Age of the newest item a capture source archived, at the time of the scrape (absent before its first item).") }
    static var lastSuccessName: MetricNameDescriptor { descriptor("source_last_success", "timestamp_seconds", "When a capture source last ran without error (Unix time; 0: never).") }
    static var consecutiveFailuresName: MetricNameDescriptor { descriptor("source_consecutive_failures", "", "Failed runs of a capture source since its last success (0: healthy).") }
    static var searchDurationName: MetricNameDescriptor { descriptor("search_duration", "seconds", "Time to run a search in the archive, web app and API.") }
    static var signInsName: MetricNameDescriptor { descriptor("sign_ins", "total", "Sign-in attempts through the login form, by outcome.") }
    static var captureActiveName: MetricNameDescriptor { descriptor("capture_active", "", "1 while this server captures its archive's sources, 0 when off, waiting for another capturer or stopped.") }

    private static func descriptor(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "arkisto", metricName: name, unitName: unit, helpText: help)
    }

    // MARK: Recording

    /// What a capture run or an admin import wrote.
    func recorded(via: Via, source: String, archived: Int, updated: Int, quarantined: Int) {
        let labels = [("via", via.rawValue), ("source", source)]
        registry.makeCounter(descriptor: Self.archivedName, labels: labels).increment(by: Int64(archived))
        registry.makeCounter(descriptor: Self.updatedName, labels: labels).increment(by: Int64(updated))
        registry.makeCounter(descriptor: Self.quarantinedName, labels: labels).increment(by: Int64(quarantined))
    }

    /// One capture run: what it wrote, or that it failed.
    func captured(_ report: SourceRunReport) {
        recorded(via: .capture, source: report.source, archived: report.archived, updated: report.updated, quarantined: report.quarantined)
        if report.error != nil { failureCounter(report.source).increment() }
    }

    func searched(in duration: Duration) {
        searchDuration.record(duration)
    }

    func signIn(_ outcome: SignInOutcome) {
        signInCounter(outcome).increment()
    }

    func captureActive(_ active: Bool) {
        captureActive.set(to: active ? 1 : 0)
    }

    // MARK: Scraping

    /// Sets the sources' gauges from their status, drops the series of sources no longer
    /// configured, and makes every source's counters exist (at 0 before its first run).
    func refresh(_ statuses: [SourceStatus]) {
        sourceGauges.withLock { gauges in
            let current = Set(statuses.map(\.name))
            for (name, gone) in gauges where !current.contains(name) {
                if let lag = gone.lag { registry.unregisterGauge(lag) }
                registry.unregisterGauge(gone.lastSuccess)
                registry.unregisterGauge(gone.consecutiveFailures)
                gauges[name] = nil
            }
            for status in statuses {
                let labels = [("source", status.name)]
                var entry = gauges[status.name] ?? SourceGauges(
                    lag: nil,
                    lastSuccess: registry.makeGauge(descriptor: Self.lastSuccessName, labels: labels),
                    consecutiveFailures: registry.makeGauge(descriptor: Self.consecutiveFailuresName, labels: labels))
                if let lag = status.lagSeconds {
                    entry.lag = entry.lag ?? registry.makeGauge(descriptor: Self.lagName, labels: labels)
                    entry.lag?.set(to: Double(lag))
                } else if let stale = entry.lag {
                    registry.unregisterGauge(stale)
                    entry.lag = nil
                }
                gauges[status.name] = entry
                entry.lastSuccess.set(to: status.lastSuccessAt?.timeIntervalSince1970 ?? 0)
                entry.consecutiveFailures.set(to: Double(status.failures))
                recorded(via: .capture, source: status.name, archived: 0, updated: 0, quarantined: 0)
                _ = failureCounter(status.name)
            }
        }
    }

    /// The exposition text (Prometheus text format 0.0.4).
    func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }

    private func failureCounter(_ source: String) -> Counter {
        registry.makeCounter(descriptor: Self.sourceFailuresName, labels: [("source", source)])
    }

    private func signInCounter(_ outcome: SignInOutcome) -> Counter {
        registry.makeCounter(descriptor: Self.signInsName, labels: [("outcome", outcome.rawValue)])
    }
}

extension ServerMetrics.SignInOutcome {
    init(_ outcome: SignInService.Outcome) {
        switch outcome {
        case .signedIn: self = .success
        case .wrong: self = .failure
        case .throttled: self = .locked
        case .busy: self = .busy
        }
    }
}
