import Archive
import Foundation
import Query
import Testing

@Suite struct InspectionDeadlineTests {
    func day(_ text: String) throws -> CivilDate { try #require(CivilDate(text)) }

    @Test func dueOneCalendarMonthAfterReceiptClampedToTheMonthsEnd() throws {
        #expect(InspectionDeadline.due(receivedOn: try day("2025-01-31"), extensionMonths: 0) == (try day("2025-02-28")))
        #expect(InspectionDeadline.due(receivedOn: try day("2024-01-31"), extensionMonths: 0) == (try day("2024-02-29")))
        #expect(InspectionDeadline.due(receivedOn: try day("2025-03-15"), extensionMonths: 0) == (try day("2025-04-15")))
        #expect(InspectionDeadline.due(receivedOn: try day("2025-12-31"), extensionMonths: 0) == (try day("2026-01-31")))
        // Extended by two further months: counted from receipt, so 31 January ends on 30 April.
        #expect(InspectionDeadline.due(receivedOn: try day("2025-01-31"), extensionMonths: 2) == (try day("2025-04-30")))
    }

    @Test func datesParseStrictlyAndCountDays() throws {
        #expect(CivilDate("2025-02-29") == nil)
        #expect(CivilDate("2025-2-1") == nil)
        #expect(try day("2024-12-25").adding(days: 10) == (try day("2025-01-04")))
        #expect(try day("2025-03-01").days(until: try day("2025-02-28")) == -1)
    }
}

@Suite final class InspectionCaseTests {
    let fixture: PrivacyFixture
    let cases: InspectionCases

    init() throws {
        fixture = try PrivacyFixture()
        cases = InspectionCases(archive: fixture.store, audit: AuditTrail(archive: fixture.store, actor: "tietosuoja"))
    }

    deinit { fixture.remove() }

    @Test func aCaseMovesFromReceivedThroughVerificationToDeliveryAndEveryStepIsLogged() throws {
        let opened = try cases.open(customer: "maija.virtanen@koti.fi", receivedOn: try #require(CivilDate("2025-01-31")),
                                    channel: .email, note: "kirje")
        #expect(opened.customerSourceID == PrivacyFixture.maija)
        #expect(opened.status == .received)
        #expect(opened.dueOn.description == "2025-02-28")
        #expect(throws: PrivacyError.self) { try self.cases.deliver(opened.id) }
        _ = try cases.verifyIdentity(opened.id)
        #expect(throws: PrivacyError.self) { try self.cases.deliver(opened.id) }   // no report yet
        let folder = fixture.folder.appendingPathComponent("report").path
        let reports = InspectionReports(archive: fixture.store, audit: cases.audit, hasher: PrivacyFixture.hasher)
        let written = try reports.write(caseID: opened.id, to: folder)
        #expect(written.pendingReview == 1)
        #expect(throws: PrivacyError.self) { try self.cases.deliver(opened.id) }   // a weak link awaits review
        try reports.decide(caseID: opened.id, sourceRef: "w1@posti.fi", decision: .exclude)
        let delivered = try cases.deliver(opened.id)
        #expect(delivered.status == .delivered)
        #expect(delivered.closedAt != nil)
        let actions = try fixture.store.auditEntries(customer: PrivacyFixture.maija).map(\.action)
        #expect(actions == [.inspectionOpen, .inspectionStatus, .inspectionReport, .linkReview, .inspectionStatus])
    }

    @Test func extensionsNeedAReasonAndStopAtTwoMonths() throws {
        let record = try cases.open(customer: PrivacyFixture.outi, receivedOn: try #require(CivilDate("2025-01-31")),
                                    channel: .letter, note: nil)
        #expect(throws: PrivacyError.self) { try self.cases.extend(record.id, months: 1, reason: "  ") }
        let once = try cases.extend(record.id, months: 1, reason: "paljon aineistoa")
        #expect(once.dueOn.description == "2025-03-31")
        #expect(throws: PrivacyError.self) { try self.cases.extend(record.id, months: 2, reason: "lisää") }
        let twice = try cases.extend(record.id, months: 1, reason: "useita pyyntöjä")
        #expect(twice.dueOn.description == "2025-04-30")
        #expect(twice.extensionReason == "paljon aineistoa; useita pyyntöjä")
    }

    @Test func listingFindsOverdueAndSoonDueOpenCases() throws {
        let old = try cases.open(customer: PrivacyFixture.maija, receivedOn: try #require(CivilDate("2025-01-10")), channel: .web, note: nil)
        let soon = try cases.open(customer: PrivacyFixture.outi, receivedOn: try #require(CivilDate("2025-02-05")), channel: .web, note: nil)
        let rejected = try cases.open(customer: PrivacyFixture.pekka, receivedOn: try #require(CivilDate("2025-01-01")), channel: .web, note: nil)
        _ = try cases.reject(rejected.id, reason: "henkilöllisyyttä ei voitu todentaa")
        let today = try #require(CivilDate("2025-02-28"))
        #expect(try cases.list(today: today, overdue: true).map(\.id) == [old.id])
        #expect(try cases.list(today: today, dueWithinDays: 7).map(\.id) == [old.id, soon.id])
        #expect(try cases.list(today: today).count == 3)
    }

    @Test func anAmbiguousOrUnknownCustomerIsRefused() throws {
        // koti@virtanen.fi is the household's: it names two customers.
        #expect(throws: PrivacyError.self) {
            try self.cases.open(customer: "koti@virtanen.fi", receivedOn: CivilDate(year: 2025, month: 1, day: 1)!, channel: .email, note: nil)
        }
        #expect(throws: PrivacyError.self) {
            try self.cases.open(customer: "C999", receivedOn: CivilDate(year: 2025, month: 1, day: 1)!, channel: .email, note: nil)
        }
    }
}

@Suite final class InspectionReportTests {
    let fixture: PrivacyFixture
    let reports: InspectionReports
    let cases: InspectionCases

    init() throws {
        fixture = try PrivacyFixture()
        let audit = AuditTrail(archive: fixture.store, actor: "tietosuoja")
        cases = InspectionCases(archive: fixture.store, audit: audit)
        reports = InspectionReports(archive: fixture.store, audit: audit, hasher: PrivacyFixture.hasher)
    }

    deinit { fixture.remove() }

    func write(_ who: String) throws -> (WrittenReport, folder: URL) {
        let record = try cases.open(customer: who, receivedOn: CivilDate(year: 2025, month: 6, day: 1)!, channel: .email, note: nil)
        let folder = fixture.folder.appendingPathComponent("report-\(who)")
        return (try reports.write(caseID: record.id, to: folder.path), folder)
    }

    func read(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func theReportHoldsExactLinksOnlyAndWeakOnesWaitForReview() throws {
        let (written, _) = try write(PrivacyFixture.maija)
        let refs = Set(written.report.interactions.map(\.sourceRef))
        #expect(refs == ["m1@koti.fi", "h1@virtanen.fi", "500#1", "500#2", "1735000000.1"])
        #expect(written.pendingReview == 1)   // w1@posti.fi: Maija's number in Outi's signature

        let record = try #require(try cases.list(today: CivilDate(year: 2025, month: 6, day: 1)!).first)
        try reports.decide(caseID: record.id, sourceRef: "w1@posti.fi", decision: .include)
        let again = try reports.write(caseID: record.id, to: fixture.folder.appendingPathComponent("again").path)
        let confirmed = try #require(again.report.interactions.first { $0.sourceRef == "w1@posti.fi" })
        #expect(confirmed.link.confirmedOnReview)
        #expect(again.pendingReview == 0)
    }

    @Test func aMessageThatOnlyNamesTheSubjectIsOfferedForReviewNotIncluded() throws {
        let run = try fixture.store.beginImportRun(sourceKind: "test", arguments: [])
        _ = try fixture.store.write([PrivacyFixture.email(
            "n1@operaattori.fi", from: ("Tuki", "tuki@operaattori.fi"), to: ("", "tuntematon@example.com"), subject: "Re: Question",
            body: "Hei,\n\n> Maija Virtanen kirjoitti:\n> Can you help?", mentions: [], days: 4, direction: .outbound)], run: run)
        let (written, _) = try write(PrivacyFixture.maija)
        #expect(!written.report.interactions.contains { $0.sourceRef == "n1@operaattori.fi" })
        #expect(written.pendingReview == 2)
        let record = try #require(try cases.list(today: CivilDate(year: 2025, month: 6, day: 1)!).first)
        let named = try #require(try reports.reviews(caseID: record.id).first { $0.entry.interaction.sourceRef == "n1@operaattori.fi" })
        #expect(named.basis == .name)
        try reports.decide(caseID: record.id, sourceRef: "n1@operaattori.fi", decision: .include)
        let again = try reports.write(caseID: record.id, to: fixture.folder.appendingPathComponent("again").path)
        let included = try #require(again.report.interactions.first { $0.sourceRef == "n1@operaattori.fi" })
        #expect(included.link.reviewBasis == .name)
        #expect(included.participants.last?.address == RedactedKind.email.placeholder)
    }

    @Test func aNameAnAgentSignsWithIsNoEvidence() throws {
        let run = try fixture.store.beginImportRun(sourceKind: "test", arguments: [])
        _ = try fixture.store.write([
            PrivacyFixture.email("n2@example.com", from: ("Joku", "joku@example.com"), to: ("Tuki", "tuki@operaattori.fi"),
                                 subject: "Naapuri", body: "Outi Laine muutti pois.", mentions: [], days: 5),
        ], run: run)
        #expect(try write(PrivacyFixture.outi).0.pendingReview == 1)
        // An agent named like the customer signs every reply: the name says nothing about the customer.
        _ = try fixture.store.write([
            PrivacyFixture.email("a1@operaattori.fi", from: ("Outi Laine / Operaattori Oy", "tuki@operaattori.fi"),
                                 to: ("Joku", "joku@example.com"), subject: "Re: Naapuri", body: "Kiitos.\nOuti Laine",
                                 mentions: [], days: 6, direction: .outbound),
        ], run: run)
        let record = try cases.open(customer: PrivacyFixture.outi, receivedOn: CivilDate(year: 2025, month: 7, day: 1)!,
                                    channel: .email, note: nil)
        let written = try reports.write(caseID: record.id, to: fixture.folder.appendingPathComponent("staff").path)
        #expect(written.pendingReview == 0)
    }

    @Test func noOtherCustomersIdentifierAppearsInTheReportFiles() throws {
        let (_, folder) = try write(PrivacyFixture.maija)
        let html = try read(folder, "report.html")
        let json = try read(folder, "report.json")
        for foreign in ["Outi", "Laine", "outi.laine@posti.fi", "765 4321", "AS-3333333", "010101-123N", "Pekka", "AS-2222222", "o1@posti.fi"] {
            #expect(!html.contains(foreign), "report.html holds \(foreign)")
            #expect(!json.contains(foreign), "report.json holds \(foreign)")
        }
        // The subject's own data is all there, the shared household address included.
        for own in ["Maija Virtanen", "maija.virtanen@koti.fi", "koti@virtanen.fi", "131052-308T", "AS-1111111", "Zyxwvutsalasana"] {
            #expect(json.contains(own), "report.json lacks \(own)")
        }
    }

    /// Every attachment of an included interaction is listed by name, type and SHA-256, and its
    /// text is redacted like the body: another customer's number and address in it are replaced.
    @Test func attachmentsAreListedWithDigestsAndTheirTextRedacted() throws {
        let run = try fixture.store.beginImportRun(sourceKind: "test", arguments: [])
        let text = "Lasku AS-1111111 / Maija Virtanen.\nVäärä vastaanottaja: AS-3333333, outi.laine@posti.fi."
        let digest = ContentDigest(of: Array(text.utf8))
        guard case .archive(let original, var interactions) = PrivacyFixture.email(
            "liite@koti.fi", from: ("Maija Virtanen", "maija.virtanen@koti.fi"), to: ("Asiakaspalvelu", "tuki@operaattori.fi"),
            subject: "Lasku liitteenä", body: "Lasku liitteenä.",
            mentions: [PrivacyFixture.mention(.email, "maija.virtanen@koti.fi", "from")], days: 7)
        else { throw PrivacyFixture.FixtureError.missing("liite@koti.fi") }
        interactions[0].attachments = [
            NewAttachment(filename: "lasku.txt", contentType: "text/plain", size: text.utf8.count, digest: digest, text: text,
                          textSource: "text"),
            NewAttachment(filename: "kuva.png", contentType: "image/png", size: 10, digest: ContentDigest(of: [1, 2, 3]), text: nil),
        ]
        _ = try fixture.store.write([.archive(original, interactions)], run: run)

        let (written, folder) = try write(PrivacyFixture.maija)
        let included = try #require(written.report.interactions.first { $0.sourceRef == "liite@koti.fi" })
        #expect(included.attachments.map(\.filename) == ["lasku.txt", "kuva.png"])
        #expect(included.attachments.map(\.contentType) == ["text/plain", "image/png"])
        #expect(included.attachments.map(\.sha256) == [digest.hex, ContentDigest(of: [1, 2, 3]).hex])
        let redacted = try #require(included.attachments.first?.text)
        #expect(redacted.contains("AS-1111111"))
        #expect(!redacted.contains("AS-3333333") && !redacted.contains("outi.laine@posti.fi"))
        #expect(included.attachments.last?.text == nil)

        let html = try read(folder, "report.html")
        let json = try read(folder, "report.json")
        for file in [html, json] {
            #expect(file.contains(digest.hex))
            #expect(!file.contains("AS-3333333") && !file.contains("outi.laine@posti.fi"))
        }
        #expect(html.contains("<summary>Liitteen lasku.txt teksti</summary>"))
        #expect(html.contains("Väärä vastaanottaja"))
    }

    @Test func htmlEscapesEverythingItShows() throws {
        let (_, folder) = try write(PrivacyFixture.maija)
        let html = try read(folder, "report.html")
        #expect(!html.contains("<script>"))
        #expect(html.contains("Laskuvirhe &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("lang=\"fi\""))
        for heading in ["Rekisterinpitäjä", "Yhteystiedot", "Tunnisteet", "Markkinointiluvat ja -kiellot", "Oikeutesi",
                        "Valvontaviranomainen", "Yhteenveto", "Säilytysaika", "Vastaanottajat"] {
            #expect(html.contains(heading), "missing \(heading)")
        }
        #expect(html.contains("Olet kieltänyt suoramarkkinoinnin."))
    }

    @Test func originalsAreTheSubjectsOwnWithVerifiedHashes() throws {
        let (written, folder) = try write(PrivacyFixture.maija)
        let byRef = Dictionary(uniqueKeysWithValues: written.report.interactions.map { ($0.sourceRef, $0) })
        let email = try #require(byRef["m1@koti.fi"]?.original)
        #expect(email.state == .copied)
        let eml = try read(folder, try #require(email.path))
        #expect(eml.hasPrefix("From: Maija Virtanen <maija.virtanen@koti.fi>"))

        // A ticket comment is written from its stored fields, not as the whole export line.
        let comment = try read(folder, try #require(byRef["500#1"]?.original?.path))
        #expect(comment.contains("\"body\" : \"Laskuni on väärin, tunnussana Qwrtplkjhg.\""))
        #expect(!comment.contains("Outi"))

        let call = try #require(byRef["1735000000.1"]?.call?.recording)
        #expect(call.state == .copied)
        #expect(try Data(contentsOf: folder.appendingPathComponent(try #require(call.path))) == Data(fixture.recordingBytes))

        struct Manifest: Decodable { var files: [ManifestEntry] }
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: folder.appendingPathComponent("originals/manifest.json")))
        #expect(manifest.files.count == written.files.count - 1)
        for file in manifest.files {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(file.path)))
            #expect(ContentDigest(of: bytes).hex == file.sha256, "\(file.path)")
        }
        let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("report.json").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aRecordingChangedSinceArchivingIsFlaggedNotCopied() throws {
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: fixture.recordingPath))
        let (written, _) = try write(PrivacyFixture.maija)
        let call = try #require(written.report.interactions.first { $0.kind == .call }?.call?.recording)
        #expect(call.state == .changed)
        #expect(call.path == nil)
    }

    @Test func theOtherHouseholdMemberGetsTheSharedMessageButNotMaijasData() throws {
        let (written, folder) = try write(PrivacyFixture.pekka)
        #expect(written.report.interactions.map(\.sourceRef) == ["h1@virtanen.fi"])
        let json = try read(folder, "report.json")
        #expect(!json.contains("Maija"))
        #expect(!json.contains("AS-1111111"))
        #expect(json.contains("koti@virtanen.fi"))
    }
}
