import Foundation
import GRDB

/// Which interactions retention removes: those older than a moment, optionally of one kind.
public struct RetentionRule: Sendable, Equatable {
    /// Interactions that occurred before this are due for removal.
    public var cutoff: Date
    public var kind: InteractionKind?

    public init(cutoff: Date, kind: InteractionKind?) {
        self.cutoff = cutoff
        self.kind = kind
    }
}

extension RetentionRule {
    /// The ids of the interactions due, with its arguments: by the `(kind, occurred_at)` index
    /// for one kind, else by `occurred_at`, so the cost follows what is due, not the archive.
    var dueSelection: (sql: String, arguments: [any DatabaseValueConvertible & Sendable]) {
        var conditions = ["i.occurred_at < ?"]
        var arguments: [any DatabaseValueConvertible & Sendable] = [Timestamp.format(cutoff)]
        if let kind {
            conditions.append("i.kind = ?")
            arguments.append(kind.rawValue)
        }
        return ("SELECT i.id FROM interaction i WHERE " + conditions.joined(separator: " AND "), arguments)
    }
}

/// What retention did (or, in a dry run, would do).
public struct RetentionOutcome: Sendable, Codable, Equatable {
    /// Older than the cutoff (and of the kind asked).
    public var due = 0
    /// Due but kept: linked to a customer on hold or with an open inspection case.
    public var kept = 0
    /// Without a time, so never due.
    public var undated = 0
    public var removed: RemovalCounts
    public var dryRun: Bool
    public var logTruncated = false

    enum CodingKeys: String, CodingKey {
        case due, kept, undated, removed, dryRun = "dry_run", logTruncated = "log_truncated"
    }
}

extension ArchiveStore {
    /// Removes the interactions a rule selects, except those linked (by any evidence) to a
    /// customer whose data must stay, with the same guarantees as erasure (index rows deleted with
    /// their exact values and purged, originals, threads and tickets removed when unused, the
    /// write-ahead log emptied). A dry run counts and changes nothing; either way the run is logged.
    ///
    /// A run that removes is logged before it starts and again with its count; its digests go
    /// to the erasure journal before anything is removed.
    public func applyRetention(_ rule: RetentionRule, dryRun: Bool, audit: AuditEntry) throws(ArchiveError) -> RetentionOutcome {
        let change = { (db: Database) throws -> RetentionOutcome in
            let (due, arguments) = rule.dueSelection
            let protected = """
                SELECT interaction_id FROM interaction_customer WHERE customer_id IN (\(Holds.protectedCustomers))
                """
            var outcome = RetentionOutcome(removed: RemovalCounts(), dryRun: dryRun)
            outcome.due = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(due))", arguments: StatementArguments(arguments)) ?? 0
            outcome.undated = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM interaction i WHERE i.occurred_at IS NULL"
                    + (rule.kind == nil ? "" : " AND i.kind = ?"),
                arguments: rule.kind.map { [$0.rawValue] } ?? []) ?? 0
            try InteractionRemoval.fillScope(
                db, select: "\(due) AND i.id NOT IN (\(protected))", arguments: StatementArguments(arguments))
            let removable = try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.removal_scope") ?? 0
            outcome.kept = outcome.due - removable
            if dryRun {
                outcome.removed.interactions = removable
            } else {
                try journalRetention(at: audit.at, db)
                outcome.removed = try InteractionRemoval.removeScope(db)
                if outcome.removed.interactions > 0 {
                    try InteractionRemoval.purgeDeletedIndexEntries(db)
                }
            }
            try InteractionRemoval.dropScope(db)
            return outcome
        }
        var outcome = try dryRun ? write(change) : auditedWrite(audit, change)
        var entry = audit
        if !dryRun { entry.request += " — done" }
        entry.resultCount = outcome.removed.interactions
        try appendAudit(entry)
        if !dryRun, outcome.removed.interactions > 0 {
            outcome.logTruncated = truncateWriteAheadLog()
        }
        return outcome
    }
}
