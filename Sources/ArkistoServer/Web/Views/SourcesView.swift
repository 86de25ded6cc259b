import Capture

/// The admin's page of capture sources: one row per source.
struct SourcesView {
    struct Row {
        var name: String
        var kind: String
        var location: String
        var lastSuccess: String
        var lastError: String?
        var lastErrorAt: String?
        var failures: Int
        var failing: Bool
        var lag: String
        var itemsPerMinute: String
        var archived: Int
        var updated: Int
        var quarantined: Int

        init(_ status: SourceStatus) {
            name = status.name
            kind = status.kind.rawValue
            location = status.location
            lastSuccess = status.lastSuccessAt.map(FinnishFormat.time) ?? "ei vielä"
            lastError = status.lastError
            lastErrorAt = status.lastErrorAt.map(FinnishFormat.time)
            failures = status.failures
            failing = status.isFailing
            lag = status.lagSeconds.map(Self.age) ?? "–"
            itemsPerMinute = FinnishFormat.decimal(status.itemsPerMinute)
            archived = status.archived
            updated = status.updated
            quarantined = status.quarantined
        }

        /// `45 s`, `12 min`, `5 h`, `3 pv`.
        static func age(_ seconds: Int) -> String {
            switch seconds {
            case ..<120: "\(seconds) s"
            case ..<7_200: "\(seconds / 60) min"
            case ..<172_800: "\(seconds / 3_600) h"
            default: "\(seconds / 86_400) pv"
            }
        }
    }

    var chrome: PageChrome?
    var sources: [Row]

    init(chrome: PageChrome, statuses: [SourceStatus]) {
        self.chrome = chrome
        sources = statuses.map(Row.init)
    }
}
