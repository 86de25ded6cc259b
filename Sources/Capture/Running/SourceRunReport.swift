import Foundation

/// What one run of one source did, as `sync --json` prints it and `watch` logs it.
public struct SourceRunReport: Sendable, Codable, Equatable {
    public var source: String
    public var kind: SourceKind
    public var archived = 0
    public var updated = 0
    public var alreadyPresent = 0
    public var quarantined = 0
    /// Why the run failed; the source is retried with back-off.
    public var error: String?
    public var seconds: Double = 0

    public var changedAnything: Bool { archived + updated + quarantined > 0 }

    /// One line for a log: `mail: 12 archived, 1 quarantined (0.4 s)` or the error.
    public var line: String {
        if let error { return "\(source): failed: \(error)" }
        var parts = ["\(archived) archived"]
        if updated > 0 { parts.append("\(updated) updated") }
        if alreadyPresent > 0 { parts.append("\(alreadyPresent) already present") }
        if quarantined > 0 { parts.append("\(quarantined) quarantined") }
        return "\(source): " + parts.joined(separator: ", ") + String(format: " (%.1f s)", seconds)
    }
}

/// What the scheduler tells its caller as it works.
public enum CaptureEvent: Sendable {
    /// A run that changed something or failed.
    case run(SourceRunReport)
    /// Something else went wrong (classification, the source list); capture goes on.
    case problem(String)
}
