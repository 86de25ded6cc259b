import Foundation
import GRDB

/// Where an inspection request came in.
public enum RequestChannel: String, Sendable, Codable, CaseIterable {
    case letter
    case email
    case web
    case phone
}

/// Where an inspection request stands: received → identity verified → delivered, or rejected.
public enum InspectionStatus: String, Sendable, Codable, CaseIterable {
    case received
    case identityVerified = "identity_verified"
    case delivered
    case rejected

    /// Delivered and rejected cases are closed.
    public var isOpen: Bool { self == .received || self == .identityVerified }
}

/// An inspection request (GDPR Art. 15) as stored.
public struct InspectionCaseRecord: Sendable, Codable, Equatable {
    public var id: Int64
    /// Nil once the customer's register record has been erased.
    public var customerID: Int64?
    public var customerSourceID: String
    public var receivedOn: CivilDate
    public var extensionMonths: Int
    public var extensionReason: String?
    public var channel: RequestChannel
    public var note: String?
    /// The archived message that made the request, when it came in by e-mail or ticket.
    public var requestInteractionID: Int64?
    public var status: InspectionStatus
    /// Why it was rejected.
    public var statusReason: String?
    public var openedAt: Date
    public var openedBy: String
    public var verifiedAt: Date?
    public var closedAt: Date?
    public var reportWrittenAt: Date?
    /// SHA-256 of the last `report.json` written for the case.
    public var reportSHA256: String?
}

/// A new case to store.
public struct NewInspectionCase: Sendable {
    public var customerID: Int64
    public var customerSourceID: String
    public var receivedOn: CivilDate
    public var channel: RequestChannel
    public var note: String?
    public var requestInteractionID: Int64?

    public init(
        customerID: Int64, customerSourceID: String, receivedOn: CivilDate, channel: RequestChannel, note: String?,
        requestInteractionID: Int64?
    ) {
        self.customerID = customerID
        self.customerSourceID = customerSourceID
        self.receivedOn = receivedOn
        self.channel = channel
        self.note = note
        self.requestInteractionID = requestInteractionID
    }
}

/// A change to a case; each is logged before it is made.
public enum InspectionCaseChange: Sendable {
    case status(InspectionStatus, reason: String?)
    case extended(months: Int, reason: String)
    case reportWritten(sha256: String)
}

extension ArchiveStore {
    public func insertInspectionCase(_ new: NewInspectionCase, audit: AuditEntry) throws(ArchiveError) -> InspectionCaseRecord {
        try auditedWrite(audit) { db in
            try db.execute(
                sql: """
                    INSERT INTO inspection_case (customer_id, customer_source_id, received_on, channel, note,
                        request_interaction_id, opened_at, opened_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    new.customerID, new.customerSourceID, new.receivedOn.description, new.channel.rawValue, new.note,
                    new.requestInteractionID, Timestamp.format(audit.at), audit.actor,
                ])
            let id = db.lastInsertedRowID
            guard let record = try InspectionCaseRows.fetch(id: id, db) else {
                throw ArchiveError(path: path, underlying: MissingRow(what: "inspection case \(id)"))
            }
            return record
        }
    }

    public func inspectionCase(id: Int64) throws(ArchiveError) -> InspectionCaseRecord? {
        try read { db in try InspectionCaseRows.fetch(id: id, db) }
    }

    /// Every case, oldest request first.
    public func inspectionCases() throws(ArchiveError) -> [InspectionCaseRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM inspection_case ORDER BY received_on, id").map(InspectionCaseRows.record)
        }
    }

    /// Applies a change at `audit.at`, logged before it is made.
    @discardableResult
    public func updateInspectionCase(id: Int64, _ change: InspectionCaseChange, audit: AuditEntry) throws(ArchiveError)
        -> InspectionCaseRecord
    {
        try auditedWrite(audit) { db in
            let at = Timestamp.format(audit.at)
            switch change {
            case .status(let status, let reason):
                let stamp = status == .identityVerified ? "verified_at" : status.isOpen ? nil : "closed_at"
                try db.execute(
                    sql: "UPDATE inspection_case SET status = ?, status_reason = ?\(stamp.map { ", \($0) = ?" } ?? "") WHERE id = ?",
                    arguments: stamp == nil ? [status.rawValue, reason, id] : [status.rawValue, reason, at, id])
            case .extended(let months, let reason):
                try db.execute(
                    sql: "UPDATE inspection_case SET extension_months = ?, extension_reason = ? WHERE id = ?",
                    arguments: [months, reason, id])
            case .reportWritten(let sha256):
                try db.execute(
                    sql: "UPDATE inspection_case SET report_written_at = ?, report_sha256 = ? WHERE id = ?",
                    arguments: [at, sha256, id])
            }
            guard let record = try InspectionCaseRows.fetch(id: id, db) else {
                throw ArchiveError(path: path, underlying: MissingRow(what: "inspection case \(id)"))
            }
            return record
        }
    }

    /// Interactions the classification rules flag as inspection requests for which no case has
    /// been opened, newest first, with the customers each is linked to exactly.
    public func unopenedInspectionRequests() throws(ArchiveError) -> [(interaction: InteractionSummary, customers: [String])] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(InteractionColumns.select),
                    (SELECT json_group_array(c.source_id) FROM interaction_customer l JOIN customer c ON c.id = l.customer_id
                     WHERE l.interaction_id = i.id AND l.strength = 'exact') AS customers
                FROM interaction i
                WHERE i.is_inspection_request = 1
                  AND NOT EXISTS (SELECT 1 FROM inspection_case k WHERE k.request_interaction_id = i.id)
                ORDER BY i.occurred_at DESC, i.id DESC
                """).map { row in
                let json: String = row["customers"] ?? "[]"
                let customers = (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
                return (InteractionSummary(row: row), customers.sorted())
            }
        }
    }

    /// The interaction with a source reference (the first archived when there are variants).
    public func interactionSummary(sourceRef: String) throws(ArchiveError) -> InteractionSummary? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT \(InteractionColumns.select) FROM interaction i WHERE i.source_ref = ? ORDER BY i.id LIMIT 1
                """, arguments: [sourceRef]).map(InteractionSummary.init(row:))
        }
    }
}

struct MissingRow: Error, CustomStringConvertible {
    var what: String
    var description: String { "\(what) is not in the archive" }
}

enum InspectionCaseRows {
    static func fetch(id: Int64, _ db: Database) throws -> InspectionCaseRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM inspection_case WHERE id = ?", arguments: [id]).map(record)
    }

    static func record(_ row: Row) -> InspectionCaseRecord {
        func date(_ column: String) -> Date? { (row[column] as String?).flatMap(Timestamp.parse) }
        return InspectionCaseRecord(
            id: row["id"],
            customerID: row["customer_id"],
            customerSourceID: row["customer_source_id"],
            receivedOn: CivilDate(row["received_on"] as String) ?? CivilDate(Date(timeIntervalSince1970: 0), in: .gmt),
            extensionMonths: row["extension_months"],
            extensionReason: row["extension_reason"],
            channel: RequestChannel(rawValue: row["channel"]) ?? .letter,
            note: row["note"],
            requestInteractionID: row["request_interaction_id"],
            status: InspectionStatus(rawValue: row["status"]) ?? .received,
            statusReason: row["status_reason"],
            openedAt: date("opened_at") ?? Date(timeIntervalSince1970: 0),
            openedBy: row["opened_by"],
            verifiedAt: date("verified_at"),
            closedAt: date("closed_at"),
            reportWrittenAt: date("report_written_at"),
            reportSHA256: row["report_sha256"])
    }
}
