import Foundation
import GRDB

/// One piece of evidence linking an interaction to a customer.
public struct LinkEvidence: Hashable, Sendable, Codable {
    public var kind: IdentifierKind
    /// The identifier; nil for a personal identity code (never shown).
    public var value: String?
    public var location: String
    public var strength: LinkStrength

    public init(kind: IdentifierKind, value: String?, location: String, strength: LinkStrength) {
        self.kind = kind
        self.value = value
        self.location = location
        self.strength = strength
    }
}

/// An interaction as it appears in a customer's timeline or in a list.
public struct InteractionSummary: Sendable, Codable {
    public var interactionID: Int64
    public var kind: InteractionKind
    public var sourceRef: String
    public var occurredAt: Date?
    public var direction: Direction
    public var subject: String
    public var isComplaint: Bool
    public var isInspectionRequest: Bool
}

/// A customer's interaction with how it is linked.
public struct TimelineEntry: Sendable, Codable {
    public var interaction: InteractionSummary
    public var strength: LinkStrength
    /// The identifier that links it is held by more than one customer (a shared household address).
    public var shared: Bool
    public var evidence: [LinkEvidence]
}

extension ArchiveStore {
    /// Customers by their id in the source list.
    public func customerIDs(sourceID: String) throws(ArchiveError) -> [Int64] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT id FROM customer WHERE source_id = ?", arguments: [sourceID]) }
    }

    /// Customers holding an identifier (normalised), in id order.
    public func customerIDs(holding kind: IdentifierKind, value: String) throws(ArchiveError) -> [Int64] {
        try read { db in
            try Int64.fetchAll(db, sql: """
                SELECT DISTINCT customer_id FROM customer_identifier WHERE kind = ? AND value = ? ORDER BY customer_id
                """, arguments: [kind.rawValue, value])
        }
    }

    public func customerProfile(id: Int64) throws(ArchiveError) -> CustomerProfile? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [id]) else {
                return nil
            }
            let identifiers = try Row.fetchAll(db, sql: """
                SELECT kind, value, written FROM customer_identifier WHERE customer_id = ? ORDER BY kind, value
                """, arguments: [id]).compactMap { row -> CustomerIdentifier? in
                guard let kind = IdentifierKind(rawValue: row["kind"]) else { return nil }
                return CustomerIdentifier(kind: kind, value: row["value"], written: row["written"])
            }
            return CustomerProfile(
                id: id, sourceID: row["source_id"], kind: CustomerKind(rawValue: row["kind"]) ?? .person,
                name: row["name"], address: row["address"], marketingConsent: row["marketing_consent"],
                identifiers: identifiers)
        }
    }

    /// Every customer, in register order.
    public func allCustomerIDs() throws(ArchiveError) -> [Int64] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT id FROM customer ORDER BY id") }
    }

    /// A customer's interactions across all channels, newest first. Weak links (evidence that
    /// needs review) only when asked for; earlier versions of edited ticket comments only when
    /// asked for (an inspection report shows everything kept).
    public func timeline(
        customerID: Int64, includeWeak: Bool = false, includeEarlierVersions: Bool = false
    ) throws(ArchiveError) -> [TimelineEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(InteractionColumns.select), l.strength, l.shared, l.evidence
                FROM interaction_customer l JOIN interaction i ON i.id = l.interaction_id
                WHERE l.customer_id = ? AND (? OR l.strength = 'exact')
                    AND (? OR i.id NOT IN (\(InteractionVersions.superseded)))
                ORDER BY i.occurred_at DESC, i.id DESC
                """, arguments: [customerID, includeWeak, includeEarlierVersions]).map(TimelineEntry.init(row:))
        }
    }

    /// Interactions flagged as complaints, newest first, optionally of one customer (exact links)
    /// and since a time.
    public func complaints(customerID: Int64?, since: Date?) throws(ArchiveError) -> [InteractionSummary] {
        try read { db in
            var conditions = ["i.is_complaint = 1", "i.id NOT IN (\(InteractionVersions.superseded))"]
            var arguments: [any DatabaseValueConvertible & Sendable] = []
            if let customerID {
                conditions.append("""
                    i.id IN (SELECT interaction_id FROM interaction_customer WHERE customer_id = ? AND strength = 'exact')
                    """)
                arguments.append(customerID)
            }
            if let since {
                conditions.append("i.occurred_at >= ?")
                arguments.append(Timestamp.format(since))
            }
            return try Row.fetchAll(db, sql: """
                SELECT \(InteractionColumns.select) FROM interaction i
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY i.occurred_at DESC, i.id DESC
                """, arguments: StatementArguments(arguments)).map(InteractionSummary.init(row:))
        }
    }

    /// Interactions linked to nobody (not even weakly), newest first.
    public func unlinkedInteractions(limit: Int?) throws(ArchiveError) -> (total: Int, page: [InteractionSummary]) {
        try read { db in
            let condition = "NOT EXISTS (SELECT 1 FROM interaction_customer l WHERE l.interaction_id = i.id)"
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction i WHERE \(condition)") ?? 0
            let page = try Row.fetchAll(db, sql: """
                SELECT \(InteractionColumns.select) FROM interaction i WHERE \(condition)
                ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?
                """, arguments: [limit ?? -1]).map(InteractionSummary.init(row:))
            return (total, page)
        }
    }

    /// The customers an interaction is linked to, with strength and evidence.
    public func links(ofInteraction id: Int64) throws(ArchiveError) -> [(customerID: Int64, strength: LinkStrength, shared: Bool)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT customer_id, strength, shared FROM interaction_customer WHERE interaction_id = ? ORDER BY customer_id
                """, arguments: [id]).map { row in
                (row["customer_id"], LinkStrength(rawValue: row["strength"]) ?? .weak, row["shared"])
            }
        }
    }
}

enum InteractionColumns {
    static let select = """
        i.id, i.kind, i.source_ref, i.occurred_at, i.direction, i.subject, i.is_complaint, i.is_inspection_request
        """
}

extension InteractionSummary {
    init(row: Row) {
        interactionID = row["id"]
        kind = InteractionKind(rawValue: row["kind"]) ?? .email
        sourceRef = row["source_ref"]
        occurredAt = (row["occurred_at"] as String?).flatMap(Timestamp.parse)
        direction = Direction(rawValue: row["direction"]) ?? .unknown
        subject = row["subject"]
        isComplaint = row["is_complaint"]
        isInspectionRequest = row["is_inspection_request"]
    }
}

extension TimelineEntry {
    init(row: Row) {
        interaction = InteractionSummary(row: row)
        strength = LinkStrength(rawValue: row["strength"]) ?? .weak
        shared = row["shared"]
        let json: String = row["evidence"] ?? "[]"
        evidence = (try? JSONDecoder().decode([LinkEvidence].self, from: Data(json.utf8))) ?? []
    }
}
