@testable import Archive
import Foundation
import GRDB
import Testing

@Suite struct AuditLogTests {
    func entry(_ action: AuditAction, _ customers: [String], at seconds: TimeInterval, results: Int? = nil) -> AuditEntry {
        AuditEntry(at: Date(timeIntervalSince1970: seconds), actor: "anna", action: action, customers: customers,
                   request: "customer:\(customers.first ?? "-")", resultCount: results)
    }

    @Test func entriesComeBackInOrderByCustomerAndTime() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let store = archive.store
        try store.appendAudit(entry(.search, ["C1"], at: 1_700_000_000, results: 3))
        try store.appendAudit(entry(.customerView, ["C1", "C2"], at: 1_700_000_100, results: 12))
        try store.appendAudit(entry(.search, [], at: 1_700_000_200, results: 0))
        #expect(try store.auditEntries().map(\.action) == [.search, .customerView, .search])
        #expect(try store.auditEntries(customer: "C2").map(\.resultCount) == [12])
        #expect(try store.auditEntries(customer: "C1", since: Date(timeIntervalSince1970: 1_700_000_050)).map(\.action) == [.customerView])
        let first = try #require(try store.auditEntries().first)
        #expect(first.actor == "anna")
        #expect(first.request == "customer:C1")
        #expect(first.customers == ["C1"])
    }

    @Test func reopeningKeepsTheLogAndThePrivacyTables() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        // Reopening migrates nothing twice and keeps what was logged.
        try archive.store.appendAudit(entry(.search, [], at: 1_700_000_000))
        let reopened = try ArchiveStore(path: archive.store.path)
        #expect(try reopened.auditEntries().count == 1)
        let tables = try reopened.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["hold", "inspection_case", "link_review", "tombstone", "erasure_replay"] {
            #expect(tables.contains(table))
        }
    }

    @Test func aRefusedChangeIsLoggedBeforeAndItsFailureAfter() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        // No customer 99: the hold's foreign key refuses it, after its entry was written.
        #expect(throws: ArchiveError.self) {
            try archive.store.placeHold(customerID: 99, reason: "riita", audit: entry(.holdAdd, ["C99"], at: 1_700_000_000))
        }
        let entries = try archive.store.auditEntries()
        #expect(entries.map(\.action) == [.holdAdd, .holdAdd])
        #expect(entries.last?.request.contains("failed") == true)
    }
}

@Suite struct CivilDateTests {
    @Test func monthsClampToTheLastDayAndDaysCrossYears() throws {
        let january31 = try #require(CivilDate("2025-01-31"))
        #expect(january31.adding(months: 1).description == "2025-02-28")
        #expect(try #require(CivilDate("2024-01-31")).adding(months: 1).description == "2024-02-29")
        #expect(january31.adding(months: -2).description == "2024-11-30")
        #expect(january31.adding(days: 365).description == "2026-01-31")
        #expect(CivilDate("2023-02-29") == nil)
        #expect(CivilDate("2025-13-01") == nil)
        #expect(january31.finnish == "31.1.2025")
        #expect(CivilDate(Date(timeIntervalSince1970: 1_735_682_400), in: TimeZone(identifier: "Europe/Helsinki")!).description == "2025-01-01")
    }
}
