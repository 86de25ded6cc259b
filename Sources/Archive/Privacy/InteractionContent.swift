import Foundation
import GRDB

/// An attachment as stored (helpdesk exports describe attachments without their bytes).
public struct StoredAttachment: Sendable, Codable, Equatable {
    public var filename: String?
    public var contentType: String
    public var size: Int
    public var sha256: String?
    public var text: String?
    /// Where ``text`` came from: `text`, `pdf`, `ocr`, `ooxml`, `odf`, `rtf`, `doc`, `message`,
    /// `tnef`, `zip`; nil when there is no text.
    public var textSource: String?
    /// Why (parts of) it could not be read, one line each.
    public var problems: [String]
}

/// A helpdesk comment's ticket fields as stored.
public struct StoredTicketComment: Sendable, Codable, Equatable {
    public var ticketID: String
    public var number: Int
    public var authorRole: String
    public var isPublic: Bool
    public var ticketSubject: String
    public var status: String?
    public var channel: String?
    public var tags: String
    public var requesterName: String?
    public var requesterEmail: String?
    public var requesterPhone: String?
}

/// A call's record as stored; the audio and transcript files stay where they were found.
public struct StoredCall: Sendable, Codable, Equatable {
    public var caller: String
    public var callee: String
    public var callerName: String?
    public var disposition: String
    public var duration: Int
    public var billableSeconds: Int
    public var recordingPath: String?
    /// Lowercase hex.
    public var recordingSHA256: String?
    public var audioFormat: String?
    public var audioSeconds: Double?
    public var transcriptPath: String?
    /// Lowercase hex.
    public var transcriptSHA256: String?
}

/// Everything the archive holds about one interaction, for reports and exports.
public struct InteractionContent: Sendable {
    public var summary: InteractionSummary
    public var body: String
    public var participants: [Participant]
    public var attachments: [StoredAttachment]
    public var originalID: Int64?
    public var ticket: StoredTicketComment?
    public var call: StoredCall?
}

extension ArchiveStore {
    /// The full content of these interactions, in the order asked (unknown ids are left out).
    public func interactionContents(ids: [Int64]) throws(ArchiveError) -> [InteractionContent] {
        try read { db in try ids.compactMap { try InteractionContentRows.fetch(id: $0, db) } }
    }

    /// The verified bytes of an original, or nil when there is none with that id.
    public func originalBytes(id: Int64) throws(ArchiveError) -> [UInt8]? {
        let row = try read { db in
            try Row.fetchOne(db, sql: "SELECT sha256, size, compression, data FROM original WHERE id = ?", arguments: [id])
        }
        guard let row else { return nil }
        guard let kind = StoredCompression(rawValue: row["compression"]) else {
            throw ArchiveError(path: path, underlying: CorruptOriginal(reason: "original \(id): unknown compression"))
        }
        let bytes: [UInt8]
        do {
            bytes = try StoredBytes(compression: kind, data: [UInt8](row["data"] as Data), size: row["size"]).unpacked()
        } catch {
            throw ArchiveError(path: path, underlying: error)
        }
        let stored = ContentDigest(storedBytes: [UInt8](row["sha256"] as Data))
        guard stored == ContentDigest(of: bytes) else {
            throw ArchiveError(path: path, underlying: CorruptOriginal(reason: "original \(id) does not match its SHA-256"))
        }
        return bytes
    }

    /// The numbers customers call to reach the company: callees of inbound calls, in E.164.
    public func companyPhoneNumbers() throws(ArchiveError) -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT DISTINCT p.address FROM call c  -- CROSS JOIN: drive from the few calls
                CROSS JOIN interaction i ON i.id = c.interaction_id
                CROSS JOIN participant p ON p.interaction_id = c.interaction_id
                WHERE (i.direction = 'inbound' AND p.role = 'to') OR (i.direction = 'outbound' AND p.role = 'from')
                """))
        }
    }

    /// Every customer of the register with identifiers, in register order.
    public func allCustomerProfiles() throws(ArchiveError) -> [CustomerProfile] {
        try read { db in
            var identifiers: [Int64: [CustomerIdentifier]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT customer_id, kind, value, written FROM customer_identifier ORDER BY kind, value") {
                guard let kind = IdentifierKind(rawValue: row["kind"]) else { continue }
                identifiers[row["customer_id"], default: []].append(
                    CustomerIdentifier(kind: kind, value: row["value"], written: row["written"]))
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM customer ORDER BY id").map { row in
                let id: Int64 = row["id"]
                return CustomerProfile(
                    id: id, sourceID: row["source_id"], kind: CustomerKind(rawValue: row["kind"]) ?? .person,
                    name: row["name"], address: row["address"], marketingConsent: row["marketing_consent"],
                    identifiers: identifiers[id] ?? [])
            }
        }
    }
}

enum InteractionContentRows {
    static func fetch(id: Int64, _ db: Database) throws -> InteractionContent? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT \(InteractionColumns.select), i.body, i.original_id FROM interaction i WHERE i.id = ?
            """, arguments: [id]) else { return nil }
        let participants = try Row.fetchAll(db, sql: """
            SELECT role, name, address FROM participant WHERE interaction_id = ? ORDER BY position
            """, arguments: [id]).compactMap { row -> Participant? in
            guard let role = ParticipantRole(rawValue: row["role"]) else { return nil }
            return Participant(role: role, name: row["name"], address: row["address"])
        }
        let attachments = try Row.fetchAll(db, sql: """
            SELECT filename, content_type, size, sha256, text, text_source, problems FROM attachment
            WHERE interaction_id = ? ORDER BY position
            """, arguments: [id]).map { row in
            StoredAttachment(
                filename: row["filename"], contentType: row["content_type"], size: row["size"],
                sha256: (row["sha256"] as Data?).flatMap { ContentDigest(storedBytes: [UInt8]($0))?.hex }, text: row["text"],
                textSource: row["text_source"],
                problems: (row["problems"] as String? ?? "").split(separator: "\n").map(String.init))
        }
        let ticket = try Row.fetchOne(db, sql: """
            SELECT c.ticket_id, c.number, c.author_role, c.is_public, t.subject, t.status, t.channel, t.tags,
                t.requester_name, t.requester_email, t.requester_phone
            FROM ticket_comment c JOIN ticket t ON t.id = c.ticket_id WHERE c.interaction_id = ?
            """, arguments: [id]).map { row in
            StoredTicketComment(
                ticketID: row["ticket_id"], number: row["number"], authorRole: row["author_role"], isPublic: row["is_public"],
                ticketSubject: row["subject"], status: row["status"], channel: row["channel"], tags: row["tags"],
                requesterName: row["requester_name"], requesterEmail: row["requester_email"],
                requesterPhone: row["requester_phone"])
        }
        let call = try Row.fetchOne(db, sql: "SELECT * FROM call WHERE interaction_id = ?", arguments: [id]).map { row in
            StoredCall(
                caller: row["caller"], callee: row["callee"], callerName: row["caller_name"], disposition: row["disposition"],
                duration: row["duration"], billableSeconds: row["billable_seconds"], recordingPath: row["recording_path"],
                recordingSHA256: (row["recording_sha256"] as Data?).flatMap { ContentDigest(storedBytes: [UInt8]($0))?.hex },
                audioFormat: row["audio_format"], audioSeconds: row["audio_seconds"], transcriptPath: row["transcript_path"],
                transcriptSHA256: (row["transcript_sha256"] as Data?).flatMap { ContentDigest(storedBytes: [UInt8]($0))?.hex })
        }
        return InteractionContent(
            summary: InteractionSummary(row: row), body: row["body"], participants: participants, attachments: attachments,
            originalID: row["original_id"], ticket: ticket, call: call)
    }
}

extension ArchiveStore {
    /// Whether someone writing from one of the company's own domains signs with this name (an
    /// agent named like a customer: their name in a message is the agent's, not the customer's).
    public func isStaffName(_ name: String, ownDomains: [String]) throws(ArchiveError) -> Bool {
        guard !ownDomains.isEmpty else { return false }
        let domains = String(decoding: (try? JSONEncoder().encode(ownDomains)) ?? Data("[]".utf8), as: UTF8.self)
        // `name /%` (a name with a team suffix) with the name's own `%` and `_` escaped.
        return try read { db in
            try Bool.fetchOne(db, sql: """
                SELECT 1 FROM participant p
                WHERE p.role = 'from' AND (lower(p.name) = lower(?1) OR lower(p.name) LIKE lower(?3) || ' /%' ESCAPE '\\')
                  AND substr(p.address, instr(p.address, '@') + 1) IN (SELECT value FROM json_each(?2))
                LIMIT 1
                """, arguments: [name, domains, SQLCondition.escapeLike(name)])
                ?? false
        }
    }
}
