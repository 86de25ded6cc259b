import Archive
import Foundation

/// How a source is doing, for `sources status`, the admin page and the metrics.
public struct SourceStatus: Sendable, Codable, Equatable {
    public var name: String
    public var kind: SourceKind
    public var location: String
    public var lastAttemptAt: Date?
    public var lastSuccessAt: Date?
    public var lastError: String?
    public var lastErrorAt: Date?
    /// Failed runs since the last success (the source is being retried with back-off).
    public var failures: Int
    /// The arrival time of the newest item archived, and its age: how far behind the archive is
    /// when the source is busy.
    public var newestItemAt: Date?
    public var lagSeconds: Int?
    /// Records archived or updated per minute over the last 10 minutes.
    public var itemsPerMinute: Double
    public var archived: Int
    public var updated: Int
    public var quarantined: Int

    /// Its last attempt failed: it is being retried with back-off.
    public var isFailing: Bool { failures > 0 }

    /// The status of every configured source.
    public static func all(archive: ArchiveStore, now: Date = Date()) throws(SourceRegistryError) -> [SourceStatus] {
        var statuses: [SourceStatus] = []
        for source in try SourceRegistry(archive: archive).all() {
            let stored: StoredSourceStatus
            do {
                stored = try archive.sourceStatus(named: source.name.rawValue, now: now)
            } catch {
                throw .archive(error)
            }
            statuses.append(SourceStatus(source: source, stored: stored, now: now))
        }
        return statuses
    }

    init(source: ConfiguredSource, stored: StoredSourceStatus, now: Date) {
        name = source.name.rawValue
        kind = source.settings.kind
        location = source.location
        lastAttemptAt = stored.lastAttemptAt
        lastSuccessAt = stored.lastSuccessAt
        lastError = stored.lastError
        lastErrorAt = stored.lastErrorAt
        failures = stored.failures
        newestItemAt = stored.newestItemAt
        lagSeconds = stored.newestItemAt.map { max(0, Int(now.timeIntervalSince($0))) }
        itemsPerMinute = Double(stored.recentItems) / (StoredSourceStatus.recentWindow / 60)
        archived = stored.archived
        updated = stored.updated
        quarantined = stored.quarantined
    }
}
