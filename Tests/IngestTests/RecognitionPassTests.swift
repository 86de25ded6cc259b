import Archive
import Extract
import Foundation
@testable import Ingest
import Query
import Synchronization
import Testing

/// The OCR pass over the queue: text in page order, search and links updated, failures recorded,
/// every job done once however often the pass is interrupted.
@Suite final class RecognitionPassTests {
    let fixtures: MailFixtures
    let store: ArchiveStore

    init() throws {
        fixtures = try MailFixtures()
        store = try ArchiveStore(path: fixtures.archivePath)
    }

    deinit { fixtures.remove() }

    static func page(_ number: Int) -> OCRTarget {
        OCRTarget(steps: [.pdfPage(number)], label: "skannaus.pdf, page \(number)")
    }

    /// Imports one message whose attachment `skannaus.pdf` has `pages` pages waiting for OCR
    /// (and `text` read at import).
    func importScan(pages: Int, text: String? = nil, id: String = "skannaus@example.fi", folder: String = "Maildir") throws -> Int64 {
        let reader = StubAttachmentReader(extractions: [
            "skannaus.pdf": AttachmentExtraction(text: text, source: .pdf, pendingOCR: (1...pages).map(Self.page)),
        ])
        let mail = AttachmentMail.message(
            id: id, body: "Sopimus liitteenä.", filename: "skannaus.pdf", contentType: "application/pdf",
            base64: AttachmentMail.opaque)
        let maildir = try fixtures.maildir(folder, cur: ["1:2,S": mail])
        var importer = MailImporter(archive: store, personalIDKey: .testKey)
        importer.reader = reader
        #expect(try importer.run(paths: [maildir.path]).archived == 1)
        return try store.lastInteractionID()
    }

    func pass(_ reader: StubAttachmentReader, workers: Int = 2) -> RecognitionPass {
        var pass = RecognitionPass(archive: store, personalIDKey: .testKey, reader: reader)
        pass.workers = workers
        return pass
    }

    func attachment(_ id: Int64) throws -> StoredAttachment {
        try #require(try store.interactionContents(ids: [id]).first?.attachments.first)
    }

    @Test func recognisedTextIsSearchableInTheAttachmentField() throws {
        let id = try importScan(pages: 1)
        #expect(try Search(archive: store).run("laskutusvirhe", limit: nil).total == 0)
        let reader = StubAttachmentReader(recognitions: ["skannaus.pdf, page 1": .text("  Laskutusvirhe kesäkuun laskussa.\n")])

        let summary = try pass(reader).run()
        #expect(summary.recognised == 1)
        #expect(summary.failed == 0)
        #expect(summary.left == 0)

        let stored = try attachment(id)
        #expect(stored.text == "Laskutusvirhe kesäkuun laskussa.")
        #expect(stored.textSource == "ocr")
        #expect(try Search(archive: store).run("laskutusvirheestä", limit: nil).hits.map(\.sourceRef) == ["skannaus@example.fi"])
        #expect(try Search(archive: store).run("attachment:kesäkuu", limit: nil).total == 1)
        #expect(try Search(archive: store).run("body:kesäkuu", limit: nil).total == 0)
        #expect(try store.recognitionJobsWaiting() == 0)
        #expect(try store.integrityProblems() == [])
    }

    @Test func pagesJoinInPageOrderWhateverOrderTheyFinish() throws {
        let id = try importScan(pages: 3, text: "Tekstikerros")
        let jobs = try store.recognitionJobs(after: 0, limit: 10)
        #expect(jobs.map(\.label) == (1...3).map { "skannaus.pdf, page \($0)" })

        // Page 3 first: kept until pages 1 and 2 are in.
        #expect(try store.completeRecognition(jobs[2], .text("kolmas sivu"), mentions: []))
        #expect(try attachment(id).text == "Tekstikerros")
        #expect(try store.recognitionJobsWaiting() == 2)
        #expect(try Search(archive: store).run("kolmas", limit: nil).total == 0)
        #expect(try store.completeRecognition(jobs[0], .text("ensimmäinen sivu"), mentions: []))
        #expect(try attachment(id).text == "Tekstikerros\n\nensimmäinen sivu")
        #expect(try store.completeRecognition(jobs[1], .text("toinen sivu"), mentions: []))
        #expect(try attachment(id).text == "Tekstikerros\n\nensimmäinen sivu\n\ntoinen sivu\n\nkolmas sivu")
        // A text layer was there before: the source stays.
        #expect(try attachment(id).textSource == "pdf")
        #expect(try Search(archive: store).run("kolmas", limit: nil).total == 1)

        // Done once: completing again changes nothing.
        #expect(try !store.completeRecognition(jobs[1], .text("toinen sivu"), mentions: []))
        #expect(try attachment(id).text == "Tekstikerros\n\nensimmäinen sivu\n\ntoinen sivu\n\nkolmas sivu")
        #expect(try store.integrityProblems() == [])
    }

    @Test func aFailedPageIsAProblemOnTheAttachmentAndLaterPagesStillCome() throws {
        let id = try importScan(pages: 2)
        let reader = StubAttachmentReader(recognitions: ["skannaus.pdf, page 2": .text("Toinen sivu luettiin.")])

        let summary = try pass(reader, workers: 1).run()
        #expect(summary.recognised == 1)
        #expect(summary.failed == 1)
        let stored = try attachment(id)
        #expect(stored.problems == ["skannaus.pdf, page 1: tesseract exited with status 1 (failed)"])
        #expect(stored.text == "Toinen sivu luettiin.")
        #expect(try store.defects(ofInteraction: id) == ["attachment_unreadable"])
        #expect(try Search(archive: store).run("sopimus", limit: nil).total == 1)
        #expect(try store.recognitionJobsWaiting() == 0)
    }

    @Test func anInterruptedPassIsCompletedByTheNextOneAndNothingIsDoneTwice() throws {
        let first = try importScan(pages: 4, id: "a@example.fi", folder: "A")
        let second = try importScan(pages: 3, id: "b@example.fi", folder: "B")
        let texts = Dictionary(uniqueKeysWithValues: (1...4).map { ("skannaus.pdf, page \($0)", OCRResult.text("sivu\($0)")) })
        let stopping = Atomic<Bool>(false)
        let started = Atomic<Int>(0)
        // The first pass stops once three pages have been started.
        let interrupted = StubAttachmentReader(recognitions: texts) { _ in
            if started.wrappingAdd(1, ordering: .relaxed).newValue >= 3 { stopping.store(true, ordering: .relaxed) }
        }
        let partial = try pass(interrupted, workers: 1).run(stop: { stopping.load(ordering: .relaxed) })
        #expect(partial.recognised == 3)
        #expect(partial.left == 4)

        let rest = StubAttachmentReader(recognitions: texts)
        let completed = try pass(rest).run()
        #expect(completed.recognised == 4)
        #expect(completed.left == 0)
        #expect(interrupted.recognisedLabels.count + rest.recognisedLabels.count == 7)
        #expect(try attachment(first).text == "sivu1\n\nsivu2\n\nsivu3\n\nsivu4")
        #expect(try attachment(second).text == "sivu1\n\nsivu2\n\nsivu3")
        #expect(try Search(archive: store).run("sivu4", limit: nil).hits.map(\.sourceRef) == ["a@example.fi"])
        #expect(try store.integrityProblems() == [])
    }

    @Test func aCustomerNumberOCRFindsIsWeakEvidence() throws {
        let register = try fixtures.write("customers.jsonl", AttachmentTextImportTests.customers)
        _ = try CustomerImporter(archive: store, personalIDKey: .testKey).run(paths: [register.path])
        _ = try importScan(pages: 1)
        let aino = try #require(try store.customerIDs(sourceID: "C1").first)
        #expect(try store.timeline(customerID: aino, includeWeak: true).isEmpty)

        let reader = StubAttachmentReader(recognitions: ["skannaus.pdf, page 1": .text("Asiakasnumero AS-1000001")])
        _ = try pass(reader).run()
        #expect(try store.timeline(customerID: aino).isEmpty)
        let weak = try store.timeline(customerID: aino, includeWeak: true)
        #expect(weak.first?.evidence == [LinkEvidence(kind: .customerNumber, value: "AS-1000001", location: "attachment", strength: .weak)])
    }

    @Test func erasingAnInteractionTakesItsQueuedPagesWithIt() throws {
        _ = try importScan(pages: 2)
        #expect(try store.recognitionJobsWaiting() == 2)
        let register = try fixtures.write("customers.jsonl", """
            {"id": "C9", "kind": "person", "name": "Maija Meikäläinen", "emails": ["maija@example.fi"], "phones": [], "customer_number": null, "business_id": null, "personal_id": null, "address": null, "marketing_consent": null}

            """)
        _ = try CustomerImporter(archive: store, personalIDKey: .testKey).run(paths: [register.path])
        #expect(try store.eraseCustomer("C9").removed.interactions == 1)
        #expect(try store.recognitionJobsWaiting() == 0)
    }

    @Test func redactionDropsQueuedPagesAndRedactsTheTextOCRGave() throws {
        let register = try fixtures.write("customers.jsonl", """
            {"id": "C9", "kind": "person", "name": "Maija Meikäläinen", "emails": ["maija@example.fi"], "phones": [], "customer_number": "AS-1000009", "business_id": null, "personal_id": null, "address": null, "marketing_consent": null}
            {"id": "C8", "kind": "person", "name": "Outi Ojala", "emails": ["outi@example.fi"], "phones": [], "customer_number": "AS-1000008", "business_id": null, "personal_id": null, "address": null, "marketing_consent": null}

            """)
        _ = try CustomerImporter(archive: store, personalIDKey: .testKey).run(paths: [register.path])
        // Outi's message; its scanned attachment names Maija's customer number.
        let reader = StubAttachmentReader(extractions: [
            "skannaus.pdf": AttachmentExtraction(pendingOCR: [Self.page(1), Self.page(2)]),
        ])
        let mail = AttachmentMail.message(
            id: "outi@example.fi", body: "Liitteenä naapurin lasku.", filename: "skannaus.pdf", contentType: "application/pdf",
            base64: AttachmentMail.opaque).replacingOccurrences(of: "Maija Meikäläinen <maija@example.fi>", with: "Outi Ojala <outi@example.fi>")
        let maildir = try fixtures.maildir("Maildir", cur: ["1:2,S": mail])
        var importer = MailImporter(archive: store, personalIDKey: .testKey)
        importer.reader = reader
        _ = try importer.run(paths: [maildir.path])
        let id = try store.lastInteractionID()
        let page1 = try #require(try store.recognitionJobs(after: 0, limit: 1).first)
        let recogniser = StubAttachmentReader(recognitions: ["skannaus.pdf, page 1": .text("Maksaja Maija Meikäläinen AS-1000009")])
        #expect(try pass(recogniser).recognise(page1) == .text("Maksaja Maija Meikäläinen AS-1000009"))
        #expect(try Search(archive: store).run("AS-1000009", limit: nil).total == 1)

        #expect(try store.eraseCustomer("C9").interactionsRedacted == 1)

        #expect(try store.recognitionJobsWaiting() == 0)
        let text = try #require(try attachment(id).text)
        #expect(!text.contains("AS-1000009"))
        #expect(try Search(archive: store).run("AS-1000009", limit: nil).total == 0)
        #expect(try Search(archive: store).run("liitteenä", limit: nil).total == 1)
    }
}
