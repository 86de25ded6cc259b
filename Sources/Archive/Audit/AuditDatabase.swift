import Foundation
import GRDB

/// The audit log's own SQLite database beside the archive (`ARCHIVE.audit`), in WAL mode with its
/// own write lock. Appending an entry is one short transaction on this file only, so a search
/// logs its read without ever waiting for an import that holds the archive's write lock.
///
/// Entries are chained (``AuditChain``) under a key kept in its own file (`ARCHIVE.auditkey`,
/// 0600), outside both databases.
struct AuditDatabase: Sendable {
    let path: String
    let keyPath: String
    let pool: DatabasePool
    private let chain: AuditChain
    /// Keyed hashes for the erasure journal, under a key derived from the audit key.
    let journalHasher: JournalHasher

    /// Opens or creates the audit database at `path` and its key at `keyPath`. A key is created only
    /// for a log without entries: with entries and no key the chain could be neither continued nor
    /// verified, so opening fails and says so.
    init(path: String, keyPath: String) throws(ArchiveError) {
        self.path = path
        self.keyPath = keyPath
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let entries: Int
        do {
            try SecureFiles.createEmptyFile(at: path)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
            entries = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_entry") ?? 0 }
        } catch {
            throw ArchiveError(path: path, underlying: error)
        }
        let key: [UInt8]
        do {
            if let existing = try KeyFile.existingKey(at: keyPath) {
                key = existing
            } else if entries == 0 {
                key = try KeyFile.loadOrCreate(at: keyPath, byteCount: 32)
            } else {
                throw ArchiveError(path: path, message: """
                    the audit key \(keyPath) is missing while the audit log holds \(entries) entries: restore the key \
                    from its backup (without it the audit chain can be neither continued nor verified)
                    """)
            }
        } catch let error as KeyFileError {
            throw ArchiveError(path: keyPath, message: AuditKeyMessage.describe(error))
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw ArchiveError(path: keyPath, underlying: error)
        }
        guard key.count >= 32 else {
            throw ArchiveError(path: keyPath, message: "the audit key holds \(key.count) bytes; a key needs at least 32")
        }
        chain = AuditChain(key: key)
        journalHasher = JournalHasher(auditKey: key)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: chained audit entries") { db in
            try db.execute(sql: """
                CREATE TABLE audit_entry (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    customers TEXT NOT NULL DEFAULT '[]',
                    request TEXT NOT NULL,
                    result_count INTEGER,
                    mac BLOB NOT NULL,
                    legacy_id INTEGER UNIQUE
                );
                CREATE INDEX audit_entry_at ON audit_entry(at);
                CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed'); END;
                CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be deleted'); END;
                CREATE TABLE audit_head (
                    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                    last_id INTEGER NOT NULL,
                    mac BLOB NOT NULL,
                    entries INTEGER NOT NULL,
                    seal BLOB NOT NULL
                );
                """)
        }
        return migrator
    }

    /// Appends entries in one short transaction and returns their ids. `legacyIDs` (same count)
    /// name rows moved from an older archive's own table; one already moved is skipped.
    @discardableResult
    func append(_ entries: [AuditEntry], legacyIDs: [Int64?]? = nil) throws(ArchiveError) -> [Int64] {
        do {
            return try pool.writeWithoutTransaction { db in
                var ids: [Int64] = []
                try db.inTransaction(.immediate) {
                    var (lastID, previous, count) = try lastLink(db)
                    for (index, entry) in entries.enumerated() {
                        let legacyID = legacyIDs.flatMap { $0[index] }
                        if let legacyID, try Bool.fetchOne(
                            db, sql: "SELECT 1 FROM audit_entry WHERE legacy_id = ?", arguments: [legacyID]) == true
                        {
                            continue
                        }
                        var record = AuditRecord(
                            id: lastID + 1, at: Timestamp.format(entry.at), actor: entry.actor, action: entry.action.rawValue,
                            customers: Self.customersJSON(entry.customers), request: entry.request,
                            resultCount: entry.resultCount.map(Int64.init), mac: [])
                        record.mac = chain.mac(of: record, after: previous)
                        try db.execute(
                            sql: """
                                INSERT INTO audit_entry (id, at, actor, action, customers, request, result_count, mac, legacy_id)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                                """,
                            arguments: [
                                record.id, record.at, record.actor, record.action, record.customers, record.request,
                                record.resultCount, Data(record.mac), legacyID,
                            ])
                        ids.append(record.id)
                        (lastID, previous, count) = (record.id, record.mac, count + 1)
                    }
                    if !ids.isEmpty { try storeHead(id: lastID, mac: previous, entries: count, db) }
                    return .commit
                }
                return ids
            }
        } catch {
            throw ArchiveError(path: path, underlying: error)
        }
    }

    /// The last entry's id and MAC, and how many entries there are.
    private func lastLink(_ db: Database) throws -> (Int64, [UInt8], Int64) {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, mac FROM audit_entry ORDER BY id DESC LIMIT 1") else {
            return (0, AuditChain.genesis, 0)
        }
        let entries = try Int64.fetchOne(db, sql: "SELECT entries FROM audit_head WHERE last_id = ?", arguments: [row["id"]])
        let count = try entries ?? Int64.fetchOne(db, sql: "SELECT count(*) FROM audit_entry") ?? 0
        return (row["id"], [UInt8]((row["mac"] as Data?) ?? Data()), count)
    }

    private func storeHead(id: Int64, mac: [UInt8], entries: Int64, _ db: Database) throws {
        let head = AuditHead(id: id, mac: ContentDigest(storedBytes: mac)?.hex ?? "")
        try db.execute(
            sql: "INSERT OR REPLACE INTO audit_head (singleton, last_id, mac, entries, seal) VALUES (1, ?, ?, ?, ?)",
            arguments: [id, Data(mac), entries, Data(chain.seal(of: head, entries: entries))])
    }

    /// Entries in the order they were written, optionally only those about one customer (by
    /// register id) and from a moment on.
    func entries(customer: String?, since: Date?) throws(ArchiveError) -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible & Sendable] = []
        if let customer {
            conditions.append("EXISTS (SELECT 1 FROM json_each(customers) WHERE value = ?)")
            arguments.append(customer)
        }
        if let since {
            conditions.append("at >= ?")
            arguments.append(Timestamp.format(since))
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        do {
            return try pool.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM audit_entry \(filter) ORDER BY id", arguments: StatementArguments(arguments)
                ).map(Self.entry)
            }
        } catch {
            throw ArchiveError(path: path, underlying: error)
        }
    }

    /// Checks every entry against the chain, the stored head and, when given, a head recorded earlier.
    func verify(expecting expected: AuditHead?) throws(ArchiveError) -> AuditVerification {
        do {
            return try pool.read { db in
                let records = try Row.fetchAll(db, sql: "SELECT * FROM audit_entry ORDER BY id").map { row in
                    AuditRecord(
                        id: row["id"], at: row["at"], actor: row["actor"], action: row["action"], customers: row["customers"],
                        request: row["request"], resultCount: row["result_count"], mac: [UInt8]((row["mac"] as Data?) ?? Data()))
                }
                let head = try Row.fetchOne(db, sql: "SELECT * FROM audit_head WHERE singleton = 1").map { row in
                    StoredAuditHead(
                        head: AuditHead(id: row["last_id"], mac: ContentDigest(storedBytes: [UInt8]((row["mac"] as Data?) ?? Data()))?.hex ?? ""),
                        entries: row["entries"], seal: [UInt8]((row["seal"] as Data?) ?? Data()))
                }
                return chain.verify(records, storedHead: head, expected: expected)
            }
        } catch {
            throw ArchiveError(path: path, underlying: error)
        }
    }

    private static func customersJSON(_ customers: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(customers)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// An entry from a row of `audit_entry` (or of an older archive's `audit_log`, which has the same columns).
    static func entry(_ row: Row) -> AuditEntry {
        let customers: String = row["customers"]
        return AuditEntry(
            id: row["id"],
            at: (row["at"] as String?).flatMap(Timestamp.parse) ?? Date(timeIntervalSince1970: 0),
            actor: row["actor"],
            action: AuditAction(rawValue: row["action"]) ?? .search,
            customers: (try? JSONDecoder().decode([String].self, from: Data(customers.utf8))) ?? [],
            request: row["request"],
            resultCount: row["result_count"])
    }
}

/// Messages for a key file that fails as the audit key.
enum AuditKeyMessage {
    static func describe(_ error: KeyFileError) -> String {
        switch error {
        case let .unreadable(path, reason): "cannot read the audit key \(path): \(reason)"
        case let .notARegularFile(path): "the audit key \(path) is not a regular file"
        case let .exposed(path, permissions):
            "the audit key \(path) has permissions \(permissions); it must be readable by its owner only (chmod 600 \(path), or arkisto doctor --fix)"
        case let .tooLong(path, byteCount): "the audit key \(path) holds \(byteCount) bytes: is this the right file?"
        case let .cannotCreate(path, reason): "cannot create the audit key \(path): \(reason)"
        }
    }
}
