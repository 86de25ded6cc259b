import Foundation
import GRDB

/// What the privacy officer decided about a weakly linked interaction for one case.
public enum ReviewDecision: String, Sendable, Codable, CaseIterable {
    case pending
    /// It concerns the subject: it goes into the report.
    case include
    /// It does not: it stays out.
    case exclude
}

/// Why an interaction awaits review.
public enum ReviewBasis: String, Sendable, Codable {
    /// Linked by weak evidence only (an identifier in free text or quoted text).
    case weakIdentifier = "weak_identifier"
    /// Not linked at all, but its text holds the subject's full name.
    case name
}

/// A weak link waiting on (or decided by) the privacy officer.
public struct LinkReviewItem: Sendable, Codable {
    public var caseID: Int64
    /// The interaction; for a name match, with no evidence and strength weak.
    public var entry: TimelineEntry
    public var basis: ReviewBasis
    public var decision: ReviewDecision
    public var decidedBy: String?
    public var decidedAt: Date?
}

extension ArchiveStore {
    /// Queues every interaction linked to the case's customer by weak evidence only, and those of
    /// `nameMatches` (interactions whose text holds the customer's name) not linked to them exactly;
    /// decided ones keep their decision. Returns the case's review list.
    public func queueLinkReviews(caseID: Int64, customerID: Int64, nameMatches: [Int64] = []) throws(ArchiveError)
        -> [LinkReviewItem]
    {
        try write { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO link_review (case_id, interaction_id)
                SELECT ?, interaction_id FROM interaction_customer WHERE customer_id = ? AND strength = 'weak'
                """, arguments: [caseID, customerID])
            try db.execute(sql: """
                INSERT OR IGNORE INTO link_review (case_id, interaction_id, basis)
                SELECT ?, m.value, 'name' FROM json_each(?) m
                WHERE m.value IN (SELECT id FROM interaction)
                  AND NOT EXISTS (SELECT 1 FROM interaction_customer l WHERE l.interaction_id = m.value AND l.customer_id = ?)
                """, arguments: [caseID, jsonIntegers(nameMatches), customerID])
            return try LinkReviewRows.items(caseID: caseID, customerID: customerID, db)
        }
    }

    public func linkReviews(caseID: Int64, customerID: Int64) throws(ArchiveError) -> [LinkReviewItem] {
        try read { db in try LinkReviewRows.items(caseID: caseID, customerID: customerID, db) }
    }

    /// Records a decision about one queued interaction; false when it is not on the case's list.
    @discardableResult
    public func decideLinkReview(caseID: Int64, interactionID: Int64, decision: ReviewDecision, audit: AuditEntry)
        throws(ArchiveError) -> Bool
    {
        try auditedWrite(audit) { db in
            try db.execute(
                sql: """
                    UPDATE link_review SET decision = ?, decided_by = ?, decided_at = ?
                    WHERE case_id = ? AND interaction_id = ?
                    """,
                arguments: [decision.rawValue, audit.actor, Timestamp.format(audit.at), caseID, interactionID])
            return db.changesCount > 0
        }
    }
}

enum LinkReviewRows {
    static func items(caseID: Int64, customerID: Int64, _ db: Database) throws -> [LinkReviewItem] {
        try Row.fetchAll(db, sql: """
            SELECT \(InteractionColumns.select), coalesce(l.strength, 'weak') AS strength, coalesce(l.shared, 0) AS shared,
                coalesce(l.evidence, '[]') AS evidence, r.basis, r.decision, r.decided_by, r.decided_at
            FROM link_review r
            JOIN interaction i ON i.id = r.interaction_id
            LEFT JOIN interaction_customer l ON l.interaction_id = r.interaction_id AND l.customer_id = ?
            WHERE r.case_id = ?
            ORDER BY i.occurred_at, i.id
            """, arguments: [customerID, caseID]).map { row in
            LinkReviewItem(
                caseID: caseID, entry: TimelineEntry(row: row), basis: ReviewBasis(rawValue: row["basis"]) ?? .weakIdentifier,
                decision: ReviewDecision(rawValue: row["decision"]) ?? .pending,
                decidedBy: row["decided_by"],
                decidedAt: (row["decided_at"] as String?).flatMap(Timestamp.parse))
        }
    }
}
