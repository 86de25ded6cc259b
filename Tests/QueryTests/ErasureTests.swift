@testable import Archive
import Foundation
import Query
import Testing

@Suite final class ErasureTests {
    let fixture: PrivacyFixture
    let audit: AuditTrail
    let service: ErasureService

    init() throws {
        fixture = try PrivacyFixture()
        audit = AuditTrail(archive: fixture.store, actor: "tietosuoja")
        service = ErasureService(archive: fixture.store, hasher: PrivacyFixture.hasher)
    }

    deinit { fixture.remove() }

    func erase(_ who: String) throws -> ErasureCounts {
        let subject = try CustomerResolver(archive: fixture.store).single(who)
        let (plan, redactor) = try service.plan(
            subject: subject, reason: "asiakkaan pyyntö",
            audit: audit.entry(.erasure, customers: [subject.sourceID], request: "erase", results: nil))
        return try service.run(plan, redactor: redactor)
    }

    func refs(_ query: String) throws -> Set<String> {
        Set(try Search(archive: fixture.store).run(query, limit: nil).hits.map(\.sourceRef))
    }

    /// The database file's bytes after the erasure emptied the write-ahead log.
    func fileBytes() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: fixture.store.path))
    }

    @Test func whatConcernsOnlyTheSubjectGoesAndWhatConcernsOthersIsRedacted() throws {
        let counts = try erase(PrivacyFixture.maija)
        // The ticket's two comments and the call concerned Maija alone.
        #expect(counts.removed.interactions == 3)
        #expect(counts.removed.tickets == 1)
        #expect(counts.removed.originals == 2)   // the ticket line and the call record
        #expect(counts.removed.recordingFiles == [fixture.recordingPath])
        // m1 names Outi's customer number, h1 is the household's, w1 is Outi's with Maija's number.
        #expect(counts.interactionsRedacted == 3)
        #expect(counts.originalsWithdrawn == 3)
        #expect(counts.registerRecordRemoved)
        #expect(counts.logTruncated)

        #expect(try fixture.store.customerIDs(sourceID: PrivacyFixture.maija).isEmpty)
        #expect(try refs("Qwrtplkjhg").isEmpty)
        #expect(try refs("maija").isEmpty)
        #expect(try refs("\"131052-308T\"").isEmpty)
        // What concerns the others is still found, with Maija's data gone from it.
        #expect(try refs("Zyxwvutsalasana") == ["m1@koti.fi"])
        #expect(try refs("liittymä") == ["h1@virtanen.fi"])
        let outi = try fixture.id(PrivacyFixture.outi)
        let kept = try fixture.store.interactionContents(ids: try fixture.store.timeline(customerID: outi).map(\.interaction.interactionID))
        let m1 = try #require(kept.first { $0.summary.sourceRef == "m1@koti.fi" })
        #expect(!m1.body.contains("Maija"))
        #expect(!m1.body.contains("131052-308T"))
        #expect(!m1.body.contains("040 123 4567"))
        #expect(m1.body.contains("Outi Laine"))
        #expect(m1.body.contains("010101-123N"))   // not Maija's: it stays
        #expect(m1.participants.first?.address == "[sähköpostiosoite poistettu]")
        #expect(m1.originalID == nil)
        // The household address is Pekka's too: it stays, and Pekka keeps his link.
        let pekka = try fixture.id(PrivacyFixture.pekka)
        #expect(try fixture.store.timeline(customerID: pekka).map(\.interaction.sourceRef) == ["h1@virtanen.fi"])
    }

    @Test func noTraceRemainsInTheFileAndTheArchiveStaysConsistent() throws {
        // m1 (kept, redacted) carries an attachment that could not be read: the reason names the
        // file, and the file's name names Maija.
        try fixture.store.write { db in
            try db.execute(sql: """
                INSERT INTO attachment (interaction_id, position, filename, content_type, size, problems)
                SELECT id, 9, 'Maija Virtanen (maija.virtanen@koti.fi) lasku.pdf', 'application/pdf', 10,
                    'Maija Virtanen (maija.virtanen@koti.fi) lasku.pdf: poppler cannot open the PDF (malformed)'
                FROM interaction WHERE source_ref = 'm1@koti.fi'
                """)
        }
        _ = try erase(PrivacyFixture.maija)
        #expect(try fixture.store.integrityProblems() == [])
        let bytes = try fileBytes()
        for trace in ["Qwrtplkjhg", "qwrtplkjhg", "maija.virtanen@koti.fi", "131052-308T", "Maija Virtanen", "+358401234567",
                      "AS-1111111", "fake audio of Maija"] {
            #expect(bytes.range(of: Data(trace.utf8)) == nil, "the file still holds \(trace)")
        }
        let wal = fixture.store.path + "-wal"
        let walSize = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
        #expect(walSize == 0)
        let counts = try fixture.store.counts()
        #expect(counts.interactions == 4)
        #expect(counts.indexedRows == 4)
        #expect(counts.originals == 1)   // o1's: the redacted interactions' originals were withdrawn
    }

    @Test func theTombstoneAndTheAuditLogRecordTheErasure() throws {
        _ = try erase(PrivacyFixture.maija)
        let tombstone = try #require(try fixture.store.tombstones().first)
        #expect(tombstone.customerSourceID == PrivacyFixture.maija)
        #expect(tombstone.reason == "asiakkaan pyyntö")
        #expect(tombstone.actor == "tietosuoja")
        #expect(tombstone.counts.removed.interactions == 3)
        let entry = try #require(try fixture.store.auditEntries(customer: PrivacyFixture.maija).last)
        #expect(entry.action == .erasure)
        #expect(entry.resultCount == 6)
    }

    @Test func aHoldOrAnOpenInspectionCaseBlocksErasure() throws {
        let holds = HoldService(archive: fixture.store, audit: audit)
        _ = try holds.place(customer: PrivacyFixture.maija, reason: "riita-asia")
        #expect(throws: PrivacyError.self) { try self.erase(PrivacyFixture.maija) }
        #expect(try holds.lift(customer: PrivacyFixture.maija))
        let cases = InspectionCases(archive: fixture.store, audit: audit)
        let open = try cases.open(customer: PrivacyFixture.maija, receivedOn: CivilDate(year: 2025, month: 1, day: 1)!, channel: .email, note: nil)
        #expect(throws: PrivacyError.self) { try self.erase(PrivacyFixture.maija) }
        _ = try cases.reject(open.id, reason: "peruttu")
        #expect(try erase(PrivacyFixture.maija).removed.interactions == 3)
        // The case stays as a record, by register id.
        #expect(try cases.find(open.id).customerID == nil)
        #expect(try cases.find(open.id).customerSourceID == PrivacyFixture.maija)
    }
}

@Suite final class RetentionTests {
    let fixture: PrivacyFixture
    let audit: AuditTrail

    init() throws {
        fixture = try PrivacyFixture()
        audit = AuditTrail(archive: fixture.store, actor: "ylläpito")
    }

    deinit { fixture.remove() }

    @Test func periodsAreCountedInCalendarUnits() throws {
        let now = try #require(Timestamp.parse("2025-03-31T12:00:00Z"))
        #expect(Timestamp.format(try #require(RetentionPeriod("1m")).cutoff(before: now)) == "2025-02-28T12:00:00Z")
        #expect(Timestamp.format(try #require(RetentionPeriod("2y")).cutoff(before: now)) == "2023-03-31T12:00:00Z")
        #expect(Timestamp.format(try #require(RetentionPeriod("90d")).cutoff(before: now)) == "2024-12-31T12:00:00Z")
        #expect(RetentionPeriod("7") == nil)
        #expect(RetentionPeriod("-1y") == nil)
    }

    @Test func retentionRemovesOldInteractionsExceptHeldCustomersAndADryRunChangesNothing() throws {
        let service = RetentionService(archive: fixture.store, audit: audit)
        _ = try HoldService(archive: fixture.store, audit: audit).place(customer: PrivacyFixture.maija, reason: "riita")
        let before = try fixture.store.counts()
        let dry = try service.apply(olderThan: try #require(RetentionPeriod("1d")), kind: nil, dryRun: true)
        #expect(dry.due == 7)
        #expect(dry.removed.interactions == 1)   // o1: Outi's own; everything else touches Maija
        #expect(try fixture.store.counts() == before)

        let done = try service.apply(olderThan: try #require(RetentionPeriod("1d")), kind: nil, dryRun: false)
        #expect(done.removed.interactions == 1)
        #expect(done.kept == 6)
        #expect(try Search(archive: fixture.store).run("\"koskee vain\"", limit: nil).total == 0)
        #expect(try fixture.store.integrityProblems() == [])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.store.path))
        #expect(bytes.range(of: Data("Tämä koskee vain minua".utf8)) == nil)
        #expect(try fixture.store.auditEntries().filter { $0.action == .retention }.map(\.resultCount) == [1, nil, 1])
    }

    @Test func retentionOfOneKindLeavesTheOthers() throws {
        let outcome = try RetentionService(archive: fixture.store, audit: audit)
            .apply(olderThan: try #require(RetentionPeriod("1d")), kind: .ticket, dryRun: false)
        #expect(outcome.removed.interactions == 2)
        #expect(outcome.removed.tickets == 1)
        #expect(outcome.removed.originals == 1)
        #expect(try fixture.store.counts().interactions == 5)
    }
}
