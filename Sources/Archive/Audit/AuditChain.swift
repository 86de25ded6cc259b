import Foundation

/// One audit entry as stored: the exact text the chain's MAC covers, so that verifying never
/// depends on how a value would be formatted again.
struct AuditRecord: Sendable, Equatable {
    var id: Int64
    var at: String
    var actor: String
    var action: String
    var customers: String
    var request: String
    var resultCount: Int64?
    var mac: [UInt8]

    /// The bytes the MAC covers: a version tag, then every field as its length in decimal, a colon
    /// and its UTF-8 bytes, so no two different entries share an encoding.
    var canonicalBytes: [UInt8] {
        var bytes = Array("arkisto-audit-v1\u{0}".utf8)
        for field in [String(id), at, actor, action, customers, request, resultCount.map(String.init) ?? "-"] {
            let utf8 = Array(field.utf8)
            bytes += Array(String(utf8.count).utf8) + [UInt8(ascii: ":")] + utf8
        }
        return bytes
    }
}

/// The chain's head: the last entry's id and MAC. An operator records it elsewhere (`ID:MAC`) so
/// that a later verification also notices entries cut off after it.
public struct AuditHead: Sendable, Codable, Equatable, CustomStringConvertible, LosslessStringConvertible {
    public var id: Int64
    /// Lowercase hexadecimal HMAC-SHA256.
    public var mac: String

    public init(id: Int64, mac: String) {
        self.id = id
        self.mac = mac
    }

    /// Reads `ID:MAC` as `audit verify --json` prints it.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let id = Int64(parts[0]), id > 0, parts[1].count == 64,
              parts[1].allSatisfy({ $0.isHexDigit }) else { return nil }
        self.init(id: id, mac: parts[1].lowercased())
    }

    public var description: String { "\(id):\(mac)" }
}

/// HMAC-SHA256 chaining under the audit key: an entry's MAC covers the previous entry's MAC and
/// the entry's canonical bytes, so changing, removing or reordering any entry breaks every MAC
/// from there on, and no one without the key can write a chain that verifies.
struct AuditChain: Sendable {
    /// The "previous MAC" of the first entry.
    static let genesis = [UInt8](repeating: 0, count: 32)

    private let hmac: HMACSHA256

    init(key: [UInt8]) {
        hmac = HMACSHA256(key: key)
    }

    func mac(of record: AuditRecord, after previous: [UInt8]) -> [UInt8] {
        hmac.code(for: previous + record.canonicalBytes).bytes
    }

    /// The seal of the stored head, so that the head cannot be moved back without the key.
    func seal(of head: AuditHead, entries: Int64) -> [UInt8] {
        hmac.code(for: Array("arkisto-audit-head\u{0}\(head.id):\(head.mac):\(entries)".utf8)).bytes
    }

    /// Checks `records` (in id order) against the chain and the stored head.
    func verify(_ records: [AuditRecord], storedHead: StoredAuditHead?, expected: AuditHead?) -> AuditVerification {
        var problems: [AuditChainProblem] = []
        var previous = Self.genesis
        var nextID: Int64 = 1
        for record in records {
            if record.id > nextID {
                let missing = nextID == record.id - 1 ? "entry \(nextID) is" : "entries \(nextID)–\(record.id - 1) are"
                problems.append(AuditChainProblem(entryID: nextID, reason: "\(missing) missing (deleted)"))
            } else if record.id < nextID {
                problems.append(AuditChainProblem(entryID: record.id, reason: "entry \(record.id) is out of order"))
            }
            if mac(of: record, after: previous) != record.mac {
                problems.append(AuditChainProblem(
                    entryID: record.id,
                    reason: "entry \(record.id) does not match its MAC: it was changed, moved, or the entry before it was removed"))
            }
            previous = record.mac
            nextID = record.id + 1
        }
        let head = records.last.map { AuditHead(id: $0.id, mac: ContentDigest(storedBytes: $0.mac)?.hex ?? "") }
        problems += headProblems(records: records, storedHead: storedHead)
        if let expected {
            if let record = records.first(where: { $0.id == expected.id }) {
                if ContentDigest(storedBytes: record.mac)?.hex != expected.mac {
                    problems.append(AuditChainProblem(
                        entryID: expected.id, reason: "entry \(expected.id) is not the one recorded in the expected head"))
                }
            } else {
                problems.append(AuditChainProblem(
                    entryID: expected.id, reason: "entry \(expected.id) of the expected head is missing (the log was truncated)"))
            }
        }
        return AuditVerification(entries: records.count, head: head, problems: problems)
    }

    private func headProblems(records: [AuditRecord], storedHead: StoredAuditHead?) -> [AuditChainProblem] {
        guard let storedHead else {
            return records.isEmpty ? [] : [AuditChainProblem(entryID: nil, reason: "the chain head record is missing")]
        }
        var problems: [AuditChainProblem] = []
        if seal(of: storedHead.head, entries: storedHead.entries) != storedHead.seal {
            problems.append(AuditChainProblem(entryID: storedHead.head.id, reason: "the chain head record was changed"))
        }
        let lastID = records.last?.id ?? 0
        if storedHead.head.id > lastID {
            problems.append(AuditChainProblem(
                entryID: lastID + 1, reason: "entries \(lastID + 1)–\(storedHead.head.id) are missing (the log was truncated)"))
        } else if storedHead.head.id < lastID {
            problems.append(AuditChainProblem(
                entryID: storedHead.head.id + 1, reason: "entries after \(storedHead.head.id) were added outside the audit log"))
        }
        if Int64(records.count) != storedHead.entries, problems.isEmpty {
            problems.append(AuditChainProblem(
                entryID: nil, reason: "the log holds \(records.count) entries; the head records \(storedHead.entries)"))
        }
        return problems
    }
}

/// The head as the audit database keeps it, sealed with the key.
struct StoredAuditHead: Sendable {
    var head: AuditHead
    var entries: Int64
    var seal: [UInt8]
}

/// One place where the chain does not hold.
public struct AuditChainProblem: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The first entry concerned, when one can be named.
    public var entryID: Int64?
    public var reason: String

    public var description: String { reason }

    enum CodingKeys: String, CodingKey {
        case entryID = "entry_id", reason
    }
}

/// What verifying the audit chain found.
public struct AuditVerification: Sendable, Codable, Equatable {
    public var entries: Int
    /// The last entry's id and MAC; nil for an empty log.
    public var head: AuditHead?
    public var problems: [AuditChainProblem]

    public var isIntact: Bool { problems.isEmpty }
}
