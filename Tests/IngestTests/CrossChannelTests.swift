import Archive
import Foundation
import Ingest
import Query
import Testing

/// The register, a helpdesk export, call records with a recording and a transcript, and mail,
/// imported together: each channel's records, their quarantine, and the links across channels.
@Suite final class CrossChannelTests {
    let fixtures: MailFixtures
    let store: ArchiveStore
    let key = PersonalIDKey.testKey

    static let customers = """
        {"id": "C1", "kind": "person", "name": "Aino Mäkelä", "emails": ["aino.makela@posti.example", "koti.makela@posti.example"], "phones": ["040 123 4567"], "customer_number": "AS-1000001", "business_id": null, "personal_id": "131052-308T", "address": "Hämeenkatu 1, 33100 TAMPERE", "marketing_consent": false}
        {"id": "C2", "kind": "person", "name": "Eero Mäkelä", "emails": ["koti.makela@posti.example"], "phones": ["+358 50 7654321"], "customer_number": "AS-1000002", "business_id": null, "personal_id": null, "address": null, "marketing_consent": true}
        {"id": "C3", "kind": "company", "name": "Kuljetus Virta Oy", "emails": ["tilit@virta.example"], "phones": ["(09) 123 456"], "customer_number": "AS-1000003", "business_id": "0737546-2", "personal_id": null, "address": null, "marketing_consent": null}
        {"id": "C4", "kind": "company", "name": "Väärä Tunnus Oy", "emails": [], "phones": [], "customer_number": "AS-1000004", "business_id": "0737546-3", "personal_id": null, "address": null, "marketing_consent": null}

        """

    static let tickets = """
        {"id": 500001, "created_at": "2025-01-14T09:12:00+02:00", "updated_at": "2025-01-14T15:40:00+02:00", "status": "solved", "priority": "normal", "subject": "Lasku on liian suuri", "requester": {"name": "Aino Mäkelä", "email": "aino.makela@posti.example", "phone": null}, "tags": ["laskutus", "reklamaatio"], "channel": "web", "comments": [{"author": {"name": "Aino Mäkelä", "email": "aino.makela@posti.example", "role": "end-user"}, "public": true, "created_at": "2025-01-14T09:12:00+02:00", "body": "Hei,\\njoulukuun laskussa on maksu, jota en tunnista.\\nAino", "attachments": []}, {"author": {"name": "Mikko Laine", "email": "tuki@esimerkkiverkko.example", "role": "agent"}, "public": true, "created_at": "2025-01-14T15:40:00+02:00", "body": "<p>Hei Aino,<br>maksu on poistettu.</p>", "attachments": []}]}
        {"id": 500002, "created_at": "2025-02-01T10:00:00+02:00", "comments": [ this line is broken
        {"id": 500003, "created_at": "2025-02-03T08:00:00+02:00", "updated_at": "2025-02-03T08:00:00+02:00", "status": "open", "priority": "low", "subject": "Osoitteenmuutos", "requester": {"name": "Kuljetus Virta Oy", "email": "tilit@virta.example", "phone": null}, "tags": ["yhteystiedot"], "channel": "email", "comments": [{"author": {"name": "Kuljetus Virta Oy", "email": "tilit@virta.example", "role": "end-user"}, "public": true, "created_at": "2025-02-03T08:00:00+02:00", "body": "Uusi osoite on Satamakatu 5. Y-tunnus 0737546-2.", "attachments": []}]}

        """

    static let cdr = #"""
        "","0401234567","0104005700","from-external","""Aino Mäkelä"" <0401234567>","SIP/trunk-1","SIP/222-1","Dial","SIP/200,30","2025-03-09 08:52:00","2025-03-09 08:52:18","2025-03-09 09:02:29","629","611","ANSWERED","DOCUMENTATION","1741503120.6","rec-1741503120.6.wav"
        "","201","358507654321","from-internal","<201>","SIP/trunk-2","SIP/224-2","Dial","SIP/358507654321,30","2025-03-10 16:36:00","2025-03-10 16:36:18","2025-03-10 16:44:07","487","469","ANSWERED","DOCUMENTATION","1741617360.18",""
        "","0551234567","0104005700","from-external","<0551234567>","SIP/trunk-3","SIP/233-3","Dial","SIP/200,30","2025-03-11 17:32:00","","2025-03-11 17:32:25","25","0","NO ANSWER","DOCUMENTATION","1741707120.22",""
        "","too","few","columns"

        """#

    static let transcript = """
        WEBVTT

        1
        00:00:00.000 --> 00:00:03.000
        <v Asiakaspalvelija>Esimerkkiverkko Oy, asiakaspalvelu, Laura, miten voin auttaa?

        2
        00:00:03.000 --> 00:00:07.000
        <v Asiakas>Netti ei toimi, yhteys katkeaa jatkuvasti.

        """

    /// A 16-bit mono 8 kHz PCM WAV of `seconds` of silence.
    static func wav(seconds: Double) -> [UInt8] {
        let dataBytes = Int(8000 * seconds) * 2
        func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        func le16(_ v: Int) -> [UInt8] { (0..<2).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        return Array("RIFF".utf8) + le32(36 + dataBytes) + Array("WAVEfmt ".utf8) + le32(16) + le16(1) + le16(1)
            + le32(8000) + le32(16000) + le16(2) + le16(16) + Array("data".utf8) + le32(dataBytes)
            + [UInt8](repeating: 0, count: dataBytes)
    }

    init() throws {
        fixtures = try MailFixtures()
        try fixtures.write("register/customers.jsonl", Self.customers)
        try fixtures.write("helpdesk/tickets.jsonl", Self.tickets)
        try fixtures.write("calls/Master.csv", Self.cdr)
        try fixtures.write("calls/recordings/rec-1741503120.6.wav", Self.wav(seconds: 1.0))
        try fixtures.write("calls/transcripts/rec-1741503120.6.vtt", Self.transcript)
        try fixtures.write("mail/household.eml", SampleMail.plain(
            id: "koti@posti.example", subject: "Reklamaatio puhelinlaskusta (AS-1000001)",
            body: "Teen reklamaation laskusta.", from: "Eero Mäkelä <koti.makela@posti.example>"))
        store = try ArchiveStore(path: fixtures.archivePath)
    }

    deinit {
        fixtures.remove()
    }

    func path(_ relative: String) -> String { fixtures.root.appendingPathComponent(relative).path }

    func importEverything() throws -> [String: ImportTally] {
        var tallies: [String: ImportTally] = [:]
        tallies["customers"] = try CustomerImporter(archive: store, personalIDKey: key).run(paths: [path("register/customers.jsonl")])
        tallies["helpdesk"] = try HelpdeskImporter(archive: store, personalIDKey: key).run(paths: [path("helpdesk/tickets.jsonl")])
        tallies["calls"] = try CallImporter(archive: store, personalIDKey: key).run(paths: [path("calls/Master.csv")])
        tallies["mail"] = try MailImporter(archive: store, personalIDKey: key).run(paths: [path("mail")])
        try Classifier(archive: store).apply()
        return tallies
    }

    func customer(_ sourceID: String) throws -> Int64 {
        try #require(try store.customerIDs(sourceID: sourceID).first)
    }

    @Test func everyRecordIsArchivedOrQuarantinedWithItsLine() throws {
        let tallies = try importEverything()
        #expect(tallies["customers"]?.archived == 3)
        #expect(tallies["customers"]?.quarantinedByReason[.malformedRecord] == 1)
        #expect(tallies["helpdesk"]?.archived == 2)
        #expect(tallies["helpdesk"]?.quarantined == 1)
        #expect(tallies["calls"]?.archived == 3)
        #expect(tallies["calls"]?.quarantined == 1)
        #expect(tallies["mail"]?.archived == 1)

        let entries = try store.quarantineEntries()
        let badTicket = try #require(entries.first { $0.position.path.hasSuffix("tickets.jsonl") })
        #expect(badTicket.detail.hasPrefix("line 2:"))
        let badCustomer = try #require(entries.first { $0.position.path.hasSuffix("customers.jsonl") })
        #expect(badCustomer.detail.contains("C4"))
        #expect(badCustomer.detail.contains("Y-tunnus"))
        let kept = try store.quarantinedBytes(id: badCustomer.id).map { String(decoding: $0, as: UTF8.self) }
        #expect(kept?.contains("\"business_id\": \"0737546-3\"") == true)

        // Importing the same inputs again adds nothing.
        let again = try importEverything()
        #expect(again.values.map(\.archived).reduce(0, +) == 0)
        #expect(try store.counts().interactions == 1 + 3 + 3)
    }

    @Test func aCustomersTimelineSpansEveryChannel() throws {
        _ = try importEverything()
        let aino = try store.timeline(customerID: customer("C1"))
        #expect(Set(aino.map(\.interaction.kind)) == [.email, .ticket, .call])
        #expect(Set(aino.map(\.interaction.sourceRef)) == ["koti@posti.example", "500001#1", "500001#2", "1741503120.6"])
        // Newest first.
        let dates = aino.compactMap(\.interaction.occurredAt)
        #expect(dates == dates.sorted(by: >))
    }

    @Test func aSharedHouseholdAddressLinksBothHoldersAndIsFlagged() throws {
        _ = try importEverything()
        for id in ["C1", "C2"] {
            let entry = try #require(try store.timeline(customerID: customer(id)).first { $0.interaction.sourceRef == "koti@posti.example" })
            #expect(entry.shared)
        }
        // The outbound call to Eero's mobile reaches only Eero.
        let eero = try store.timeline(customerID: customer("C2")).map(\.interaction.sourceRef)
        #expect(eero.contains("1741617360.18"))
        #expect(try !store.timeline(customerID: customer("C1")).map(\.interaction.sourceRef).contains("1741617360.18"))
    }

    @Test func callsCarryTheirRecordingAndTranscript() throws {
        _ = try importEverything()
        let hits = try Search(archive: store).run("katkeaa kind:call", limit: 5).hits
        #expect(hits.map(\.sourceRef) == ["1741503120.6"])
        let unlinked = try store.unlinkedInteractions(limit: nil)
        #expect(unlinked.page.map(\.sourceRef) == ["1741707120.22"])
    }

    @Test func complaintsComeFromCustomersNotFromAgents() throws {
        _ = try importEverything()
        let complaints = Set(try store.complaints(customerID: nil, since: nil).map(\.sourceRef))
        #expect(complaints == ["500001#1", "koti@posti.example", "1741503120.6"])
        let virta = try store.complaints(customerID: customer("C3"), since: nil)
        #expect(virta.isEmpty)
    }

    @Test func aCompanyIsFoundByItsYTunnusAndItsTicket() throws {
        _ = try importEverything()
        let ids = try CustomerResolver(archive: store).customerIDs(for: "0737546-2")
        #expect(ids == [try customer("C3")])
        let virta = try store.timeline(customerID: customer("C3"))
        #expect(virta.map(\.interaction.sourceRef) == ["500003#1"])
    }

    @Test func personalIdentityCodesAreNotStoredInClear() throws {
        _ = try importEverything()
        let profile = try #require(try store.customerProfile(id: customer("C1")))
        let code = try #require(profile.identifiers.first { $0.kind == .personalID })
        #expect(code.written == nil)
        #expect(code.value != "131052-308T")
        try FileManager.default.contentsOfDirectory(atPath: fixtures.root.path)
            .filter { $0.hasPrefix("archive.sqlite") }
            .forEach { name in
                let bytes = try Data(contentsOf: fixtures.root.appendingPathComponent(name))
                #expect(bytes.range(of: Data("131052-308T".utf8)) == nil, "\(name) holds the code in clear")
            }
    }
}

extension CrossChannelTests {
    @Test func erasedDataIsNotBroughtBackByImportingTheSameSourcesAgain() throws {
        _ = try importEverything()
        let virta = try #require(try store.customerProfile(id: customer("C3")))
        let audit = AuditTrail(archive: store, actor: "tietosuoja")
        let key = self.key
        let service = ErasureService(archive: store, hasher: { key.hash($0) })
        let (plan, redactor) = try service.plan(
            subject: virta, reason: "asiakkaan pyyntö",
            audit: audit.entry(.erasure, customers: ["C3"], request: "erase C3", results: nil))
        let counts = try service.run(plan, redactor: redactor)
        #expect(counts.removed.interactions == 1)
        #expect(try Search(archive: store).run("Satamakatu", limit: nil).total == 0)

        let again = try importEverything()
        #expect(again.values.map(\.archived).reduce(0, +) == 0)
        #expect(again["helpdesk"]?.previouslyRemoved == 1)
        #expect(again["customers"]?.previouslyRemoved == 1)
        #expect(try store.customerIDs(sourceID: "C3").isEmpty)
        #expect(try Search(archive: store).run("Satamakatu", limit: nil).total == 0)
    }
}
