import Foundation
import GRDB

/// How one customer's erasure is carried out, decided by the query layer.
public struct ErasurePlan: Sendable {
    public var customerID: Int64
    public var customerSourceID: String
    /// Interactions that concern this customer alone: removed with everything derived from them.
    public var remove: [Int64]
    /// Interactions that also concern others, or mention the customer without linking them
    /// exactly: kept, with the customer's data redacted and their original withdrawn.
    public var redact: [Int64]
    /// Identifiers held by this customer alone: their mentions go from the kept interactions.
    /// (An identifier shared with another customer is theirs too and stays.)
    public var ownIdentifiers: [CustomerIdentifier]
    /// Quarantined records that hold the customer's data.
    public var quarantineIDs: [Int64]
    /// Also delete the customer's register record (the tombstone keeps the register id).
    public var removeRegisterRecord: Bool
    public var reason: String
    /// The audit entry written before the erasure, and again with its counts after it (its time
    /// and actor go into the tombstone).
    public var audit: AuditEntry
    /// The erasure journal entry this erasure re-applies (after a restore); nil for a new
    /// erasure, which appends its own entry to the journal.
    public var replaying: String?

    public init(
        customerID: Int64, customerSourceID: String, remove: [Int64], redact: [Int64], ownIdentifiers: [CustomerIdentifier],
        quarantineIDs: [Int64], removeRegisterRecord: Bool, reason: String, audit: AuditEntry
    ) {
        self.customerID = customerID
        self.customerSourceID = customerSourceID
        self.remove = remove
        self.redact = redact
        self.ownIdentifiers = ownIdentifiers
        self.quarantineIDs = quarantineIDs
        self.removeRegisterRecord = removeRegisterRecord
        self.reason = reason
        self.audit = audit
    }
}

/// What an erasure did, as the tombstone records it.
public struct ErasureCounts: Sendable, Codable, Equatable {
    public var removed: RemovalCounts
    public var interactionsRedacted = 0
    public var originalsWithdrawn = 0
    public var quarantineRemoved = 0
    public var registerRecordRemoved = false
    /// The write-ahead log was emptied afterwards (false when readers kept it busy). Not part of
    /// the tombstone, which is written before.
    public var logTruncated = false

    enum CodingKeys: String, CodingKey {
        case removed, interactionsRedacted = "interactions_redacted", originalsWithdrawn = "originals_withdrawn"
        case quarantineRemoved = "quarantine_removed", registerRecordRemoved = "register_record_removed"
    }
}

/// Kept after an erasure: when, why, by whom and how much, never what.
public struct Tombstone: Sendable, Codable, Equatable {
    public var customerSourceID: String
    public var erasedAt: Date
    public var reason: String
    public var actor: String
    public var counts: ErasureCounts
}

/// The customer's data must stay (a hold, or an inspection request being answered).
public struct ErasureBlocked: Error, CustomStringConvertible, Sendable {
    public var customerSourceID: String
    public var reason: String

    public init(customerSourceID: String, reason: String) {
        self.customerSourceID = customerSourceID
        self.reason = reason
    }

    public var description: String { "customer \(customerSourceID) cannot be erased: \(reason)" }
}

/// The interactions linked to a customer, with what decides whether erasure removes or redacts them.
public struct ErasureCandidate: Sendable, Equatable {
    public var interactionID: Int64
    public var strength: LinkStrength
    /// How many other customers the interaction is linked to with exact evidence.
    public var otherExactCustomers: Int
}

extension ArchiveStore {
    public func erasureCandidates(customerID: Int64) throws(ArchiveError) -> [ErasureCandidate] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.interaction_id, l.strength,
                    (SELECT count(*) FROM interaction_customer o
                     WHERE o.interaction_id = l.interaction_id AND o.customer_id <> l.customer_id AND o.strength = 'exact') AS others
                FROM interaction_customer l WHERE l.customer_id = ? ORDER BY l.interaction_id
                """, arguments: [customerID]).map { row in
                ErasureCandidate(
                    interactionID: row["interaction_id"], strength: LinkStrength(rawValue: row["strength"]) ?? .weak,
                    otherExactCustomers: row["others"])
            }
        }
    }

    /// Why the customer's data must stay, or nil when it may go.
    public func erasureBlock(customerID: Int64) throws(ArchiveError) -> String? {
        try read { db in try Self.block(customerID: customerID, db) }
    }

    /// Carries out an erasure in one transaction: removes, redacts with `redacting` (applied to
    /// every text field of a kept interaction: subject, body, participants, attachments, ticket
    /// and call fields), deletes the quarantined records and the register record, writes the
    /// tombstone, purges the index of deleted entries; then empties the write-ahead log. Refused
    /// when the customer is on hold or has an open inspection case.
    ///
    /// The audit entry is appended before anything changes, and the erasure journal entry inside
    /// the transaction before anything is removed: an erasure that fails to commit after that is
    /// completed when the archive is next opened.
    public func erase(_ plan: ErasurePlan, redacting redact: (String) -> String) throws(ArchiveError) -> ErasureCounts {
        var counts = try auditedWrite(plan.audit) { db -> ErasureCounts in
            if plan.replaying == nil, let block = try Self.block(customerID: plan.customerID, db) {
                throw ErasureBlocked(customerSourceID: plan.customerSourceID, reason: block)
            }
            try journalErasure(plan, db)
            var counts = ErasureCounts(removed: RemovalCounts())
            let removing = Set(plan.remove)
            try InteractionRemoval.fillScope(
                db, select: "SELECT value FROM json_each(?)", arguments: [jsonIntegers(plan.remove)])
            counts.removed = try InteractionRemoval.removeScope(db)
            try InteractionRemoval.dropScope(db)

            var withdrawn: [Int64] = []
            for id in plan.redact where !removing.contains(id) {
                guard let original = try RedactionRows.redact(
                    interaction: id, customerID: plan.customerID, ownIdentifiers: plan.ownIdentifiers, redact, db)
                else { continue }
                counts.interactionsRedacted += 1
                if let original { withdrawn.append(original) }
            }
            counts.originalsWithdrawn = try InteractionRemoval.removeUnused(originals: withdrawn, db)

            for id in plan.quarantineIDs {
                try db.execute(sql: "DELETE FROM quarantine WHERE id = ?", arguments: [id])
                counts.quarantineRemoved += db.changesCount
            }
            if plan.removeRegisterRecord {
                try db.execute(sql: "DELETE FROM customer WHERE id = ?", arguments: [plan.customerID])
                counts.registerRecordRemoved = db.changesCount > 0
            } else {
                try db.execute(sql: "DELETE FROM interaction_customer WHERE customer_id = ?", arguments: [plan.customerID])
            }
            // Nothing left the index when no interaction was removed or redacted: no purge to pay for.
            if counts.removed.interactions + counts.interactionsRedacted > 0 {
                try InteractionRemoval.purgeDeletedIndexEntries(db)
            }
            try db.execute(
                sql: "INSERT INTO tombstone (customer_source_id, erased_at, reason, actor, counts) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    plan.customerSourceID, Timestamp.format(plan.audit.at), plan.reason, plan.audit.actor,
                    String(decoding: (try? JSONEncoder().encode(counts)) ?? Data("{}".utf8), as: UTF8.self),
                ])
            return counts
        }
        var done = plan.audit
        done.request += " — done"
        done.resultCount = counts.removed.interactions + counts.interactionsRedacted
        try appendAudit(done)
        counts.logTruncated = truncateWriteAheadLog()
        return counts
    }

    /// Every tombstone, oldest first.
    public func tombstones() throws(ArchiveError) -> [Tombstone] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM tombstone ORDER BY id").map { row in
                let json: String = row["counts"]
                return Tombstone(
                    customerSourceID: row["customer_source_id"],
                    erasedAt: (row["erased_at"] as String?).flatMap(Timestamp.parse) ?? Date(timeIntervalSince1970: 0),
                    reason: row["reason"], actor: row["actor"],
                    counts: (try? JSONDecoder().decode(ErasureCounts.self, from: Data(json.utf8)))
                        ?? ErasureCounts(removed: RemovalCounts()))
            }
        }
    }

    /// Every quarantined record's id and raw bytes (nil when the source could not be read).
    public func forEachQuarantined(_ body: (Int64, [UInt8]?) throws -> Void) throws(ArchiveError) {
        let ids = try read { db in try Int64.fetchAll(db, sql: "SELECT id FROM quarantine ORDER BY id") }
        for id in ids {
            let bytes = try quarantinedBytes(id: id)
            do {
                try body(id, bytes)
            } catch {
                throw ArchiveError(path: path, underlying: error)
            }
        }
    }

    static func block(customerID: Int64, _ db: Database) throws -> String? {
        if let hold = try Holds.hold(customerID: customerID, db) {
            return "on hold since \(Timestamp.format(hold.placedAt)) (\(hold.reason))"
        }
        if let open = try Int64.fetchOne(db, sql: """
            SELECT id FROM inspection_case WHERE customer_id = ? AND status IN ('received', 'identity_verified') ORDER BY id
            """, arguments: [customerID]) {
            return "inspection case \(open) is still open"
        }
        return nil
    }
}

/// Redacting one kept interaction in place.
enum RedactionRows {
    /// Redacts the text fields of `interaction`, drops the customer's own mentions and link, and
    /// withdraws its original. Returns nil when there is no such interaction, else the withdrawn
    /// original's id (nil inside when it had none).
    static func redact(
        interaction id: Int64, customerID: Int64, ownIdentifiers: [CustomerIdentifier], _ redact: (String) -> String,
        _ db: Database
    ) throws -> Int64?? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT subject, body, participants, attachment_text, original_id FROM interaction WHERE id = ?
            """, arguments: [id]) else { return nil }
        try FullTextRows.deleteIndexRows(where: "id = ?", db, arguments: [id])
        try db.execute(
            sql: """
                UPDATE interaction SET subject = ?, body = ?, participants = ?, attachment_text = ?, original_id = NULL
                WHERE id = ?
                """,
            arguments: [
                redact(row["subject"]), redact(row["body"]), redact(row["participants"]), redact(row["attachment_text"]), id,
            ])
        try FullTextRows.insertIndexRow(id: id, db)
        // Its original is withdrawn: no OCR text may be added to what was redacted.
        try RecognitionQueue.drop(interaction: id, db)

        for p in try Row.fetchAll(db, sql: "SELECT role, position, name, address FROM participant WHERE interaction_id = ?", arguments: [id]) {
            try db.execute(
                sql: "UPDATE participant SET name = ?, address = ? WHERE interaction_id = ? AND role = ? AND position = ?",
                arguments: [(p["name"] as String?).map(redact), redact(p["address"]), id, p["role"], p["position"]])
        }
        // The reasons an attachment could not be read name its files (`kuvat.zip › passi.jpg`).
        for a in try Row.fetchAll(db, sql: "SELECT id, filename, text, problems FROM attachment WHERE interaction_id = ?", arguments: [id]) {
            try db.execute(
                sql: "UPDATE attachment SET filename = ?, text = ?, problems = ? WHERE id = ?",
                arguments: [
                    (a["filename"] as String?).map(redact), (a["text"] as String?).map(redact), redact(a["problems"] ?? ""), a["id"],
                ])
        }
        if let ticket = try String.fetchOne(db, sql: "SELECT ticket_id FROM ticket_comment WHERE interaction_id = ?", arguments: [id]),
           let t = try Row.fetchOne(db, sql: "SELECT * FROM ticket WHERE id = ?", arguments: [ticket]) {
            try db.execute(
                sql: "UPDATE ticket SET subject = ?, requester_name = ?, requester_email = ?, requester_phone = ? WHERE id = ?",
                arguments: [
                    redact(t["subject"]), (t["requester_name"] as String?).map(redact),
                    (t["requester_email"] as String?).map(redact), (t["requester_phone"] as String?).map(redact), ticket,
                ])
        }
        if let c = try Row.fetchOne(db, sql: "SELECT caller, callee, caller_name FROM call WHERE interaction_id = ?", arguments: [id]) {
            try db.execute(
                sql: "UPDATE call SET caller = ?, callee = ?, caller_name = ? WHERE interaction_id = ?",
                arguments: [redact(c["caller"]), redact(c["callee"]), (c["caller_name"] as String?).map(redact), id])
        }
        for identifier in ownIdentifiers {
            try db.execute(
                sql: "DELETE FROM interaction_mention WHERE interaction_id = ? AND kind = ? AND value = ?",
                arguments: [id, identifier.kind.rawValue, identifier.value])
        }
        try db.execute(
            sql: "DELETE FROM interaction_customer WHERE interaction_id = ? AND customer_id = ?", arguments: [id, customerID])
        let original: Int64? = row["original_id"]
        return .some(original)
    }
}

func jsonIntegers(_ values: [Int64]) -> String {
    "[" + values.map(String.init).joined(separator: ",") + "]"
}
