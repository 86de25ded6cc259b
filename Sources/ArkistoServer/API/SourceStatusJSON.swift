import Archive
import Capture

/// A capture source's status in the API (`GET /api/v1/sources`): the fields of
/// `arkisto sources status --json`, named as the rest of the API names them; what is not known
/// yet (a source that never succeeded) is `null`, not left out.
struct SourceStatusJSON: Encodable {
    var name: String
    var kind: String
    var location: String
    var lastAttemptAt: String?
    var lastSuccessAt: String?
    var lastError: String?
    var lastErrorAt: String?
    var failures: Int
    var failing: Bool
    var newestItemAt: String?
    var lagSeconds: Int?
    var itemsPerMinute: Double
    var archived: Int
    var updated: Int
    var quarantined: Int

    enum CodingKeys: String, CodingKey {
        case name, kind, location, lastAttemptAt = "last_attempt_at", lastSuccessAt = "last_success_at", lastError = "last_error"
        case lastErrorAt = "last_error_at", failures, failing, newestItemAt = "newest_item_at", lagSeconds = "lag_seconds"
        case itemsPerMinute = "items_per_minute", archived, updated, quarantined
    }

    init(_ status: SourceStatus) {
        name = status.name
        kind = status.kind.rawValue
        location = status.location
        lastAttemptAt = status.lastAttemptAt.map(Timestamp.format)
        lastSuccessAt = status.lastSuccessAt.map(Timestamp.format)
        lastError = status.lastError
        lastErrorAt = status.lastErrorAt.map(Timestamp.format)
        failures = status.failures
        failing = status.isFailing
        newestItemAt = status.newestItemAt.map(Timestamp.format)
        lagSeconds = status.lagSeconds
        itemsPerMinute = status.itemsPerMinute
        archived = status.archived
        updated = status.updated
        quarantined = status.quarantined
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(location, forKey: .location)
        try container.encode(lastAttemptAt, forKey: .lastAttemptAt)
        try container.encode(lastSuccessAt, forKey: .lastSuccessAt)
        try container.encode(lastError, forKey: .lastError)
        try container.encode(lastErrorAt, forKey: .lastErrorAt)
        try container.encode(failures, forKey: .failures)
        try container.encode(failing, forKey: .failing)
        try container.encode(newestItemAt, forKey: .newestItemAt)
        try container.encode(lagSeconds, forKey: .lagSeconds)
        try container.encode(itemsPerMinute, forKey: .itemsPerMinute)
        try container.encode(archived, forKey: .archived)
        try container.encode(updated, forKey: .updated)
        try container.encode(quarantined, forKey: .quarantined)
    }
}

struct SourceStatusesJSON: Encodable {
    var sources: [SourceStatusJSON]
}
