import Foundation
import GRDB

/// A legal hold: the customer's data may be neither erased nor removed by retention.
public struct LegalHold: Sendable, Codable, Equatable {
    public var customerSourceID: String
    public var reason: String
    public var placedBy: String
    public var placedAt: Date
}

extension ArchiveStore {
    /// Places a hold (replacing an earlier one's reason), logged before it is placed.
    public func placeHold(customerID: Int64, reason: String, audit: AuditEntry) throws(ArchiveError) {
        try auditedWrite(audit) { db in
            try db.execute(
                sql: """
                    INSERT INTO hold (customer_id, reason, placed_by, placed_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (customer_id) DO UPDATE SET reason = excluded.reason, placed_by = excluded.placed_by,
                        placed_at = excluded.placed_at
                    """,
                arguments: [customerID, reason, audit.actor, Timestamp.format(audit.at)])
        }
    }

    /// Lifts a hold; returns whether there was one. Logged before it is lifted.
    @discardableResult
    public func liftHold(customerID: Int64, audit: AuditEntry) throws(ArchiveError) -> Bool {
        try auditedWrite(audit) { db in
            try db.execute(sql: "DELETE FROM hold WHERE customer_id = ?", arguments: [customerID])
            return db.changesCount > 0
        }
    }

    /// The hold on a customer, if any.
    public func hold(customerID: Int64) throws(ArchiveError) -> LegalHold? {
        try read { db in try Holds.hold(customerID: customerID, db) }
    }

    /// Every hold, in register order.
    public func holds() throws(ArchiveError) -> [LegalHold] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.source_id, h.reason, h.placed_by, h.placed_at FROM hold h JOIN customer c ON c.id = h.customer_id
                ORDER BY c.source_id
                """).map(Holds.hold(row:))
        }
    }
}

enum Holds {
    static func hold(customerID: Int64, _ db: Database) throws -> LegalHold? {
        try Row.fetchOne(db, sql: """
            SELECT c.source_id, h.reason, h.placed_by, h.placed_at FROM hold h JOIN customer c ON c.id = h.customer_id
            WHERE h.customer_id = ?
            """, arguments: [customerID]).map(hold(row:))
    }

    static func hold(row: Row) -> LegalHold {
        LegalHold(
            customerSourceID: row["source_id"], reason: row["reason"], placedBy: row["placed_by"],
            placedAt: (row["placed_at"] as String?).flatMap(Timestamp.parse) ?? Date(timeIntervalSince1970: 0))
    }

    /// Customers whose data must stay: on hold, or with an inspection request still being answered
    /// (deleting data a subject has asked to see would defeat the request).
    static let protectedCustomers = """
        SELECT customer_id FROM hold
        UNION SELECT customer_id FROM inspection_case
              WHERE status IN ('received', 'identity_verified') AND customer_id IS NOT NULL
        """
}
