@testable import Archive
import Foundation
import GRDB
import Testing

/// Erasure and retention must cost what they remove, not what the archive holds: every statement
/// on their path, and every foreign-key action it sets off, finds its rows by index. A full scan
/// of a table that grows with the archive fails here, at any size.
@Suite struct ErasureQueryPlanTests {
    /// Tables that grow with the archive.
    static let large = ["interaction", "participant", "attachment", "interaction_mention", "interaction_customer",
                        "customer_identifier", "customer", "original", "link_review", "inspection_case"]

    func scans(_ sql: String, _ arguments: StatementArguments = [], in store: ArchiveStore) throws -> [String] {
        try store.write { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).compactMap { row -> String? in
                let detail: String = row["detail"]
                let words = detail.split(separator: " ")
                guard words.first == "SCAN", words.count > 1 else { return nil }
                // The plan names a table by its alias when the statement gives one (`interaction i`).
                let scanned = String(words[1])
                let isLarge = Self.large.contains(scanned) || Self.large.contains { table in
                    sql.range(of: "\\b\(table) (AS )?\(scanned)\\b", options: .regularExpression) != nil
                }
                return isLarge ? detail : nil
            }
        }
    }

    @Test func removingOriginalsInteractionsAndCustomersFindsEveryRowByIndex() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let statements = [
            "DELETE FROM original WHERE \(InteractionRemoval.unusedOriginal)",
            "SELECT sha256 FROM original WHERE \(InteractionRemoval.unusedOriginal)",
            // Sets off the cascades of participants, attachments, mentions, links, link reviews, …
            "DELETE FROM interaction WHERE id = ?",
            // … and of identifiers, links and inspection cases.
            "DELETE FROM customer WHERE id = ?",
            "DELETE FROM thread WHERE id = ? AND NOT EXISTS (SELECT 1 FROM interaction WHERE thread_id = thread.id)",
        ]
        for sql in statements {
            #expect(try scans(sql, [1], in: archive.store) == [], "\(sql)")
        }
    }

    @Test func retentionFindsTheInteractionsDueByIndexWithOrWithoutAKind() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        for kind in [nil, InteractionKind.call] {
            let due = RetentionRule(cutoff: Date(timeIntervalSince1970: 1_700_000_000), kind: kind).dueSelection
            #expect(try scans(due.sql, StatementArguments(due.arguments), in: archive.store) == [], "kind \(String(describing: kind))")
        }
    }

    @Test func theCheckSeesAScan() throws {
        // Guards the guard: without an index on the condition, the same check reports the scan.
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        #expect(try scans("SELECT id FROM interaction WHERE direction = ?", ["inbound"], in: archive.store)
            == ["SCAN interaction"])
        #expect(try scans("SELECT i.id FROM interaction i WHERE i.direction = ?", ["inbound"], in: archive.store)
            == ["SCAN i"])
    }
}
