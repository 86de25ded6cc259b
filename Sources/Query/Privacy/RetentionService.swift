import Archive
import Foundation

/// Applying a retention period: interactions older than it go, except those of customers on hold
/// or with an inspection request still being answered.
public struct RetentionService: Sendable {
    public var archive: ArchiveStore
    public var audit: AuditTrail

    public init(archive: ArchiveStore, audit: AuditTrail) {
        self.archive = archive
        self.audit = audit
    }

    public func apply(olderThan period: RetentionPeriod, kind: InteractionKind?, dryRun: Bool) throws(PrivacyError) -> RetentionOutcome {
        let now = audit.clock()
        let rule = RetentionRule(cutoff: period.cutoff(before: now), kind: kind)
        let request = "retention older than \(period) (before \(Timestamp.format(rule.cutoff)))"
            + (kind.map { ", kind \($0.rawValue)" } ?? "") + (dryRun ? ", dry run" : "")
        return try archiving { () throws(ArchiveError) in
            try archive.applyRetention(rule, dryRun: dryRun, audit: audit.entry(.retention, customers: [], request: request, results: nil))
        }
    }
}
