import Archive
import Foundation
import Ingest
import Query
import Testing

/// The real importers on the hostile inputs of issue 17: every record ends archived, updated,
/// already present or quarantined with a reason naming the field and value, and the import goes on
/// with the records after a bad one.
@Suite final class HostileImportTests {
    let fixtures: MailFixtures
    let store: ArchiveStore
    let key = PersonalIDKey.testKey

    init() throws {
        fixtures = try MailFixtures()
        store = try ArchiveStore(path: fixtures.archivePath)
    }

    deinit { fixtures.remove() }

    func write(_ name: String, _ text: String) throws -> String {
        try fixtures.write(name, text).path
    }

    static func comment(_ body: String, createdAt: String = #""2025-01-14T09:12:00+02:00""#) -> String {
        #"{"author": {"name": "Aino", "email": "aino@posti.example", "role": "end-user"}, "public": true, "#
            + #""created_at": \#(createdAt), "body": "\#(body)"}"#
    }

    static func ticket(_ id: String, _ extra: String = "", comments: [String]) -> String {
        #"{"id": "\#(id)", "subject": "Lasku \#(id)", \#(extra)"requester": {"name": "Aino", "email": "aino@posti.example"}, "#
            + #""comments": [\#(comments.joined(separator: ", "))]}"#
    }

    // MARK: - Numbers out of range

    @Test func ticketTimesOutOfRangeAreQuarantinedAndTheImportGoesOn() throws {
        let lines = [
            Self.ticket("T1", comments: [Self.comment("ensimmäinen")]),
            Self.ticket("T2", comments: [Self.comment("lasku", createdAt: "1e22")]),
            Self.ticket("T3", comments: [Self.comment("lasku", createdAt: "-1e22")]),
            Self.ticket("T4", #""created_at": 1e22, "#, comments: [Self.comment("lasku")]),
            Self.ticket("T5", #""updated_at": -1e22, "#, comments: [Self.comment("lasku")]),
            Self.ticket("T6", comments: [Self.comment("viimeinen")]),
        ]
        let path = try write("tickets.jsonl", lines.joined(separator: "\n") + "\n")
        let tally = try HelpdeskImporter(archive: store, personalIDKey: key).run(paths: [path])
        #expect(tally.archived == 2)
        #expect(tally.quarantinedByReason == [.malformedRecord: 4])
        #expect(tally.total == 6)
        let details = try store.quarantineEntries().map(\.detail).sorted()
        #expect(details == [
            "line 2: comment 1: created_at: out of range (years 1–9999): '1e22'",
            "line 3: comment 1: created_at: out of range (years 1–9999): '-1e22'",
            "line 4: created_at: out of range (years 1–9999): '1e22'",
            "line 5: updated_at: out of range (years 1–9999): '-1e22'",
        ])
        #expect(try store.counts().interactions == 2)
        let again = try HelpdeskImporter(archive: store, personalIDKey: key).run(paths: [path])
        #expect(again.archived == 0 && again.alreadyPresent == 2 && again.quarantined == 4)
    }

    @Test func cdrSecondsOutOfRangeAreQuarantinedAndTheImportGoesOn() throws {
        func row(_ id: String, duration: String) -> String {
            #""","0401234567","0104005700","from-external","<0401234567>","SIP/t-1","SIP/222-1","Dial","SIP/200,30","#
                + #""2025-03-09 08:52:00","2025-03-09 08:52:18","2025-03-09 09:02:29","\#(duration)","611","ANSWERED","#
                + #""DOCUMENTATION","\#(id)","""#
        }
        let text = [row("1", duration: "629"), row("2", duration: "99999999999999999999999"), row("3", duration: "10")]
        let path = try write("calls/Master.csv", text.joined(separator: "\n") + "\n")
        let tally = try CallImporter(archive: store, personalIDKey: key).run(paths: [path])
        #expect(tally.archived == 2)
        #expect(tally.quarantined == 1)
        let detail = try #require(try store.quarantineEntries().first?.detail)
        #expect(detail == "line 2: duration: out of range (at most 1000000000 seconds): '99999999999999999999999'")
    }

    // MARK: - Comments per ticket

    @Test func commentsOverTheLimitAreQuarantinedAndALargerLimitArchivesThem() throws {
        let comments = (1...5).map { Self.comment("kommentti \($0)") }
        let path = try write("tickets.jsonl", Self.ticket("T1", comments: comments) + "\n" + Self.ticket("T2", comments: [Self.comment("b")]) + "\n")
        var importer = HelpdeskImporter(archive: store, personalIDKey: key)
        importer.maxCommentsPerTicket = 3
        let first = try importer.run(paths: [path])
        #expect(first.archived == 2)
        #expect(first.quarantinedByReason == [.tooManyComments: 1])
        #expect(try store.counts().interactions == 4)
        let entry = try #require(try store.quarantineEntries().first)
        #expect(entry.reason == .tooManyComments)
        #expect(entry.detail == "line 1: ticket T1 has 5 comments, more than the limit of 3 per ticket: comments 4–5 "
            + "are not archived (import it again with a higher limit to archive them)")
        #expect(try store.quarantinedBytes(id: entry.id).map { String(decoding: $0, as: UTF8.self) }?.contains("kommentti 5") == true)

        importer.maxCommentsPerTicket = 10
        let second = try importer.run(paths: [path])
        #expect(second.archived == 1 && second.alreadyPresent == 1 && second.quarantined == 0)
        #expect(try store.counts().interactions == 6)
    }

    @Test func aLongTicketLinksEveryCommentToItsRequester() throws {
        let register = try write("customers.jsonl", #"{"id": "C1", "name": "Aino", "emails": ["aino@posti.example"]}"# + "\n")
        _ = try CustomerImporter(archive: store, personalIDKey: key).run(paths: [register])
        let agent = #"{"author": {"name": "Tuki", "email": "tuki@yhtio.example", "role": "agent"}, "body": "vastaus"}"#
        let comments = (1...300).map { $0 % 2 == 0 ? agent : Self.comment("kysymys \($0)") }
        let path = try write("tickets.jsonl", Self.ticket("T1", comments: comments) + "\n")
        let tally = try HelpdeskImporter(archive: store, personalIDKey: key).run(paths: [path])
        #expect(tally.archived == 1)
        let customer = try #require(try store.customerIDs(sourceID: "C1").first)
        let timeline = try store.timeline(customerID: customer)
        #expect(timeline.count == 300)
        #expect(timeline.allSatisfy { $0.strength == .exact })
        #expect(timeline.allSatisfy { entry in entry.evidence.contains { $0.location == "thread" } })
    }

    // MARK: - A ticket without comments

    @Test func aTicketWithoutCommentsIsArchivedAndInTheRequestersInspectionReport() throws {
        let register = try write("customers.jsonl", #"{"id": "C1", "name": "Aino", "emails": ["aino@posti.example"]}"# + "\n")
        _ = try CustomerImporter(archive: store, personalIDKey: key).run(paths: [register])
        let line = #"{"id": "T9", "created_at": "2025-02-01T10:00:00Z", "subject": "Irtisanominen", "#
            + #""requester": {"name": "Aino", "email": "aino@posti.example"}, "comments": []}"#
        let path = try write("tickets.jsonl", line + "\n")
        let first = try HelpdeskImporter(archive: store, personalIDKey: key).run(paths: [path])
        #expect(first.archived == 1 && first.alreadyPresent == 0 && first.quarantined == 0)
        let again = try HelpdeskImporter(archive: store, personalIDKey: key).run(paths: [path])
        #expect(again.archived == 0 && again.alreadyPresent == 1)

        let audit = AuditTrail(archive: store, actor: "tietosuoja")
        let cases = InspectionCases(archive: store, audit: audit)
        let opened = try cases.open(customer: "aino@posti.example", receivedOn: try #require(CivilDate("2025-03-01")), channel: .email, note: "")
        _ = try cases.verifyIdentity(opened.id)
        let folder = fixtures.root.appendingPathComponent("report").path
        let written = try InspectionReports(archive: store, audit: audit, hasher: nil).write(caseID: opened.id, to: folder)
        let ticket = try #require(written.report.interactions.first { $0.sourceRef == "T9#0" })
        #expect(ticket.subject == "Irtisanominen")
        #expect(ticket.body == "")
        #expect(ticket.kind == .ticket)
    }

    // MARK: - Customers

    @Test func theLaterRecordOfACustomerWinsAndAnUnchangedRerunSettles() throws {
        let earlier = #"{"id": "C1", "name": "Aino Mäkelä", "emails": ["aino@posti.example"]}"#
        let later = #"{"id": "C1", "name": "Aino Virtanen", "emails": ["aino@posti.example"]}"#
        let other = #"{"id": "C2", "name": "Eero", "emails": ["eero@posti.example"]}"#
        let path = try write("customers.jsonl", [earlier, other, later].joined(separator: "\n") + "\n")
        let importer = CustomerImporter(archive: store, personalIDKey: key)

        let first = try importer.run(paths: [path])
        #expect(first.archived == 2 && first.updated == 0 && first.quarantinedByReason == [.superseded: 1])
        #expect(try store.customerProfile(id: try #require(try store.customerIDs(sourceID: "C1").first))?.name == "Aino Virtanen")
        let entry = try #require(try store.quarantineEntries().first)
        #expect(entry.detail == "line 1: customer C1 is given again at line 3; the later record wins")
        #expect(try store.quarantinedBytes(id: entry.id) == Array(earlier.utf8))

        let rerun = try importer.run(paths: [path])
        #expect(rerun.archived == 0 && rerun.updated == 0 && rerun.alreadyPresent == 2 && rerun.quarantined == 1)

        let changed = #"{"id": "C1", "name": "Aino Virtanen", "emails": ["aino.virtanen@posti.example"]}"#
        let next = try write("customers2.jsonl", [earlier, other, changed].joined(separator: "\n") + "\n")
        let update = try importer.run(paths: [next])
        #expect(update.archived == 0 && update.updated == 1 && update.alreadyPresent == 1 && update.quarantined == 1)
        #expect(try importer.run(paths: [next]).updated == 0)
    }

    @Test func theSameCustomerNumberWithoutAnIDColumnCountsOnce() throws {
        let csv = "asiakasnumero;nimi;sähköposti\nAS-1000001;Aino;aino@posti.example\nAS-1000001;Aino M;aino@posti.example\n"
        let path = try write("customers.csv", csv)
        let importer = CustomerImporter(archive: store, personalIDKey: key)
        let first = try importer.run(paths: [path])
        #expect(first.archived == 1 && first.quarantinedByReason == [.superseded: 1])
        let rerun = try importer.run(paths: [path])
        #expect(rerun.archived == 0 && rerun.updated == 0 && rerun.alreadyPresent == 1)
    }

    @Test func aQuarantinedCustomerKeepsItsBytesWithTheIdentityCodeMasked() throws {
        let bad = #"{"id": "C1", "name": "Aino", "personal_id": "131052-308X", "emails": ["aino@posti.example"]}"#
        let path = try write("customers.jsonl", bad + "\n")
        let tally = try CustomerImporter(archive: store, personalIDKey: key).run(paths: [path])
        #expect(tally.quarantinedByReason == [.malformedRecord: 1])
        let entry = try #require(try store.quarantineEntries().first)
        let bytes = try #require(try store.quarantinedBytes(id: entry.id))
        #expect(String(decoding: bytes, as: UTF8.self) == bad.replacingOccurrences(of: "131052-308X", with: "***********"))
    }

    @Test func aNULByteInACustomerListCostsOnlyItsRecord() throws {
        var bytes = Array("id,name,emails\nC1,Aino X,aino@posti.example\nC2,Eero,eero@posti.example\n".utf8)
        bytes[try #require(bytes.firstIndex(of: UInt8(ascii: "X")))] = 0
        let path = try fixtures.write("customers.csv", bytes).path
        let tally = try CustomerImporter(archive: store, personalIDKey: key).run(paths: [path])
        #expect(tally.archived == 1 && tally.quarantined == 1)
        let entry = try #require(try store.quarantineEntries().first)
        #expect(entry.detail == "line 2: a NUL byte at column 9 (binary data in the record)")
        #expect(try store.quarantinedBytes(id: entry.id)?.contains(0) == true)
    }

    @Test func aCDRRowWithALineBreakInAQuotedFieldIsOneArchivedCall() throws {
        let row = #""","0401234567","0104005700","from-external","""Aino"#  + "\n" + #"Mäkelä"" <0401234567>","SIP/t-1","#
            + #""SIP/222-1","Dial","SIP/200,30","2025-03-09 08:52:00","2025-03-09 08:52:18","2025-03-09 09:02:29","#
            + #""629","611","ANSWERED","DOCUMENTATION","1741503120.6","""#
        let path = try write("calls/Master.csv", row + "\n")
        let tally = try CallImporter(archive: store, personalIDKey: key).run(paths: [path])
        #expect(tally.archived == 1 && tally.quarantined == 0)
    }
}
