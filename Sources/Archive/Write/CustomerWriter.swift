import Foundation
import GRDB

extension ArchiveStore {
    /// Stores customer records in one transaction: new ones are archived, unchanged ones already
    /// present, changed ones (same source id, new content) replace the old record's fields and
    /// identifiers and count as updated. A change marks the links stale in the same transaction; call
    /// ``refreshLinksIfStale()`` once the register is written (a crash in between leaves the mark,
    /// so the next refresh still happens).
    public func write(customers: [NewCustomer]) throws(ArchiveError) -> [ImportOutcome] {
        try write { db in
            var changed = false
            let outcomes = try customers.map { customer -> ImportOutcome in
                // An erased customer's record stays out until the register itself drops it.
                if try Bool.fetchOne(
                    db.cachedStatement(sql: "SELECT 1 FROM tombstone WHERE customer_source_id = ?"),
                    arguments: [customer.sourceID]) != nil
                {
                    return .previouslyRemoved
                }
                let digest = Data(customer.recordDigest.bytes)
                let existing = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT id, record_sha256 FROM customer WHERE source_id = ?"),
                    arguments: [customer.sourceID])
                if let existing, (existing["record_sha256"] as Data?) == digest {
                    return .alreadyPresent
                }
                let id: Int64
                if let existing {
                    id = existing["id"]
                    try db.execute(
                        sql: """
                            UPDATE customer SET kind = ?, name = ?, address = ?, marketing_consent = ?, source_path = ?,
                                source_line = ?, record_sha256 = ?, updated_at = ? WHERE id = ?
                            """,
                        arguments: [
                            customer.kind.rawValue, customer.name, customer.address, customer.marketingConsent,
                            customer.position.path, customer.position.offset, digest, Timestamp.format(Date()), id,
                        ])
                    try db.execute(sql: "DELETE FROM customer_identifier WHERE customer_id = ?", arguments: [id])
                } else {
                    try db.cachedStatement(sql: """
                        INSERT INTO customer (source_id, kind, name, address, marketing_consent, source_path, source_line,
                            record_sha256, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """).execute(arguments: [
                            customer.sourceID, customer.kind.rawValue, customer.name, customer.address,
                            customer.marketingConsent, customer.position.path, customer.position.offset, digest,
                            Timestamp.format(Date()),
                        ])
                    id = db.lastInsertedRowID
                }
                let identifier = try db.cachedStatement(sql: """
                    INSERT OR IGNORE INTO customer_identifier (customer_id, kind, value, written) VALUES (?, ?, ?, ?)
                    """)
                for i in customer.identifiers {
                    try identifier.execute(arguments: [id, i.kind.rawValue, i.value, i.written])
                }
                changed = true
                return existing == nil ? .archived : .updated
            }
            if changed {
                try db.execute(sql: """
                    INSERT INTO setting (key, value) VALUES ('links_stale', '1')
                    ON CONFLICT (key) DO UPDATE SET value = '1'
                    """)
            }
            return outcomes
        }
    }

    /// Rebuilds every link against the register when customer records changed since the last
    /// rebuild. Returns whether it did.
    @discardableResult
    public func refreshLinksIfStale() throws(ArchiveError) -> Bool {
        try write { db in
            guard try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'links_stale'") == "1" else {
                return false
            }
            try Links.refreshAll(db)
            try db.execute(sql: "DELETE FROM setting WHERE key = 'links_stale'")
            return true
        }
    }

    /// A setting of this archive (for example the company's own e-mail domains), or nil.
    public func setting(_ key: String) throws(ArchiveError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, to value: String) throws(ArchiveError) {
        try write { db in
            try db.execute(
                sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                arguments: [key, value])
        }
    }

    /// Marks e-mail sent from these domains (the company's own) as outbound, and e-mail from any
    /// other address as inbound; replies by the company then never count as complaints.
    public func setOwnDomains(_ domains: [String]) throws(ArchiveError) {
        let normalized = domains.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        try write { db in
            try db.execute(
                sql: "INSERT INTO setting (key, value) VALUES ('own_domains', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                arguments: [normalized.joined(separator: " ")])
            try db.execute(sql: """
                UPDATE interaction SET direction = CASE
                    WHEN EXISTS (SELECT 1 FROM participant p WHERE p.interaction_id = interaction.id AND p.role = 'from'
                                 AND substr(p.address, instr(p.address, '@') + 1) IN (SELECT value FROM json_each(?)))
                    THEN 'outbound' ELSE 'inbound' END
                WHERE kind = 'email'
                """, arguments: [jsonArray(normalized)])
        }
    }

    /// The company's own e-mail domains as set with ``setOwnDomains(_:)``.
    public func ownDomains() throws(ArchiveError) -> [String] {
        (try setting("own_domains") ?? "").split(separator: " ").map(String.init)
    }
}

private func jsonArray(_ values: [String]) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: values)) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self)
}
