import Foundation
import GRDB

/// A customer an interaction is linked to, with what the web app shows of them.
public struct LinkedCustomer: Sendable, Codable, Equatable {
    public var customerID: Int64
    /// The register id (`C00017`).
    public var registerID: String
    public var name: String
    public var strength: LinkStrength
    /// The identifier that links them is held by more than one customer.
    public var shared: Bool
}

extension ArchiveStore {
    /// The customers each of these interactions is linked to (exact links first, then by name),
    /// in one read. Interactions linked to nobody are absent from the result.
    public func linkedCustomers(ofInteractions ids: [Int64]) throws(ArchiveError) -> [Int64: [LinkedCustomer]] {
        guard !ids.isEmpty else { return [:] }
        let list = String(decoding: (try? JSONEncoder().encode(ids)) ?? Data("[]".utf8), as: UTF8.self)
        return try read { db in
            var result: [Int64: [LinkedCustomer]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT l.interaction_id, c.id, c.source_id, c.name, l.strength, l.shared
                FROM json_each(?) j
                JOIN interaction_customer l ON l.interaction_id = j.value
                JOIN customer c ON c.id = l.customer_id
                ORDER BY l.interaction_id, l.strength = 'weak', c.name, c.id
                """, arguments: [list])
            {
                let interactionID: Int64 = row[0]
                result[interactionID, default: []].append(LinkedCustomer(
                    customerID: row[1], registerID: row[2], name: row[3],
                    strength: LinkStrength(rawValue: row[4]) ?? .weak, shared: row[5]))
            }
            return result
        }
    }
}
