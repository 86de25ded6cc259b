import GRDB

/// What an erasure needs to know of the register about its subject, asked of the register
/// directly (by index) rather than by loading every customer.
extension ArchiveStore {
    /// The customer's identifiers that no other customer holds, ordered by kind and value.
    public func identifiersHeldOnly(byCustomer customerID: Int64) throws(ArchiveError) -> [CustomerIdentifier] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.kind, c.value, c.written FROM customer_identifier c
                WHERE c.customer_id = ? AND NOT EXISTS (
                    SELECT 1 FROM customer_identifier o
                    WHERE o.kind = c.kind AND o.value = c.value AND o.customer_id <> c.customer_id)
                ORDER BY c.kind, c.value
                """, arguments: [customerID]).compactMap { row in
                IdentifierKind(rawValue: row["kind"]).map { CustomerIdentifier(kind: $0, value: row["value"], written: row["written"]) }
            }
        }
    }

    /// Whether another customer has this name, compared as `String.lowercased()` compares (GRDB's
    /// `swiftLowercaseString`, so Ä and ä are one letter). Reads only the register's names.
    public func anotherCustomer(isNamed name: String, except customerID: Int64) throws(ArchiveError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: """
                SELECT 1 FROM customer WHERE id <> ? AND swiftLowercaseString(name) = ? LIMIT 1
                """, arguments: [customerID, name.lowercased()]) ?? false
        }
    }
}
