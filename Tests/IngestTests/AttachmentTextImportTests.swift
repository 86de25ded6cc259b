import Archive
import Extract
import Foundation
@testable import Ingest
import Query
import Testing

/// Attachments read on the import's workers: their text is archived and searchable, what they
/// name is weak evidence, what could not be read is a defect, images wait in the OCR queue.
@Suite final class AttachmentTextImportTests {
    let fixtures: MailFixtures
    let store: ArchiveStore

    init() throws {
        fixtures = try MailFixtures()
        store = try ArchiveStore(path: fixtures.archivePath)
    }

    deinit { fixtures.remove() }

    static let customers = """
        {"id": "C1", "kind": "person", "name": "Aino Mäkelä", "emails": ["aino.makela@posti.example"], "phones": [], "customer_number": "AS-1000001", "business_id": null, "personal_id": null, "address": null, "marketing_consent": null}

        """

    func importMail(_ messages: [String: String], reader: any AttachmentReading = AttachmentExtractor()) throws -> ImportTally {
        let maildir = try fixtures.maildir("Maildir", cur: messages)
        var importer = MailImporter(archive: store, personalIDKey: .testKey)
        importer.reader = reader
        return try importer.run(paths: [maildir.path])
    }

    func importCustomers() throws {
        let path = try fixtures.write("customers.jsonl", Self.customers)
        _ = try CustomerImporter(archive: store, personalIDKey: .testKey).run(paths: [path.path])
    }

    func onlyInteraction() throws -> InteractionContent {
        let id = try store.lastInteractionID()
        return try #require(try store.interactionContents(ids: [id]).first)
    }

    @Test func aCustomerNumberInATextAttachmentIsWeakEvidenceOnly() throws {
        try importCustomers()
        let attachment = Array("Laskun tiedot\nAsiakasnumero: AS-1000001\nErääntyy 31.3.2025".utf8)
        let mail = AttachmentMail.message(
            id: "liite-1@example.fi", body: "Hei, laskusta liitteenä kuvaus.", filename: "lasku.txt", contentType: "text/plain",
            base64: attachment)
        #expect(try importMail(["1:2,S": mail]).archived == 1)

        let content = try onlyInteraction()
        #expect(content.attachments.map(\.textSource) == ["text"])

        // Offered for review (customer show --include-weak, inspection review), never a link by itself.
        let aino = try #require(try store.customerIDs(sourceID: "C1").first)
        #expect(try store.timeline(customerID: aino).isEmpty)
        let weak = try store.timeline(customerID: aino, includeWeak: true)
        #expect(weak.map(\.interaction.sourceRef) == ["liite-1@example.fi"])
        #expect(weak.first?.evidence == [LinkEvidence(kind: .customerNumber, value: "AS-1000001", location: "attachment", strength: .weak)])
        let links = try store.linkedCustomers(ofInteractions: [content.summary.interactionID])
        #expect(links[content.summary.interactionID]?.map(\.strength) == [.weak])
    }

    @Test func readersTextIsArchivedSearchableAndNamesWeakEvidence() throws {
        try importCustomers()
        let reader = StubAttachmentReader(extractions: [
            "lasku.pdf": AttachmentExtraction(text: "Laskutusvirhe asiakasnumerolla AS-1000001", source: .pdf),
        ])
        let mail = AttachmentMail.message(
            id: "pdf-1@example.fi", body: "Katso liite.", filename: "lasku.pdf", contentType: "application/pdf",
            base64: AttachmentMail.opaque)
        #expect(try importMail(["1:2,S": mail], reader: reader).archived == 1)

        let content = try onlyInteraction()
        #expect(content.attachments.first?.text == "Laskutusvirhe asiakasnumerolla AS-1000001")
        #expect(content.attachments.first?.textSource == "pdf")
        #expect(try Search(archive: store).run("laskutusvirhe", limit: nil).total == 1)
        #expect(try Search(archive: store).run("attachment:laskutusvirheestä", limit: nil).total == 1)
        let aino = try #require(try store.customerIDs(sourceID: "C1").first)
        #expect(try store.timeline(customerID: aino).isEmpty)
        #expect(try store.timeline(customerID: aino, includeWeak: true).count == 1)
    }

    @Test func anUnreadableAttachmentIsADefectAndTheMessageIsFoundByItsBody() throws {
        let problem = ExtractionProblem(.timedOut, location: "rikki.pdf", detail: "pdftotext killed after 30 s")
        let reader = StubAttachmentReader(extractions: ["rikki.pdf": AttachmentExtraction(problems: [problem])])
        let mail = AttachmentMail.message(
            id: "rikki@example.fi", body: "Reklamaatio puhelinlaskusta, liitteenä lasku.", filename: "rikki.pdf",
            contentType: "application/pdf", base64: AttachmentMail.opaque)
        let tally = try importMail(["1:2,S": mail], reader: reader)
        #expect(tally.archived == 1)
        #expect(tally.quarantined == 0)

        let content = try onlyInteraction()
        #expect(try store.defects(ofInteraction: content.summary.interactionID) == ["attachment_unreadable"])
        #expect(content.attachments.first?.problems == ["rikki.pdf: pdftotext killed after 30 s (timed_out)"])
        #expect(content.attachments.first?.text == nil)
        #expect(try Search(archive: store).run("puhelinlasku", limit: nil).hits.map(\.sourceRef) == ["rikki@example.fi"])
    }

    @Test func imagesWaitInTheQueueUntilThePassRuns() throws {
        let target = OCRTarget(steps: [.pdfPage(1)], label: "skannaus.pdf, page 1")
        let reader = StubAttachmentReader(extractions: ["skannaus.pdf": AttachmentExtraction(pendingOCR: [target])])
        let mail = AttachmentMail.message(
            id: "skannaus@example.fi", body: "Sopimus liitteenä.", filename: "skannaus.pdf", contentType: "application/pdf",
            base64: AttachmentMail.opaque)
        _ = try importMail(["1:2,S": mail], reader: reader)

        let jobs = try store.recognitionJobs(after: 0, limit: 10)
        #expect(jobs.map(\.label) == ["skannaus.pdf, page 1"])
        #expect(jobs.map(\.attachmentPosition) == [0])
        #expect(OCRTarget(queued: try #require(jobs.first).target) == target)
        #expect(try store.recognitionJobsWaiting() == 1)
        // Searchable by its body at once.
        #expect(try Search(archive: store).run("sopimus", limit: nil).total == 1)
    }
}
