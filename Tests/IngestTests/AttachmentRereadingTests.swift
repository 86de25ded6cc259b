import Archive
import Extract
import Foundation
@testable import Ingest
import Query
import Testing

/// `extract --all`: an archive imported before a format could be read gets its attachments' text
/// from the kept originals, resumably.
@Suite final class AttachmentRereadingTests {
    let fixtures: MailFixtures
    let store: ArchiveStore

    init() throws {
        fixtures = try MailFixtures()
        store = try ArchiveStore(path: fixtures.archivePath)
    }

    deinit { fixtures.remove() }

    /// Three messages with a PDF each, imported with a reader that reads nothing (as an archive
    /// made before PDFs were read), and one without attachments.
    func importWithoutReading() throws -> [Int64] {
        var messages: [String: String] = [:]
        for n in 1...3 {
            messages["\(n):2,S"] = AttachmentMail.message(
                id: "lasku\(n)@example.fi", body: "Lasku \(n) liitteenä.", filename: "lasku\(n).pdf",
                contentType: "application/pdf", base64: AttachmentMail.opaque)
        }
        messages["4:2,S"] = SampleMail.plain(id: "ei-liitetta@example.fi", subject: "Kiitos", body: "Kiitos avusta.")
        var importer = MailImporter(archive: store, personalIDKey: .testKey)
        importer.reader = StubAttachmentReader()
        #expect(try importer.run(paths: [try fixtures.maildir("Maildir", cur: messages).path]).archived == 4)
        return try store.emailsWithOriginals(after: 0, limit: 10)
    }

    static let reader = StubAttachmentReader(extractions: [
        "lasku1.pdf": AttachmentExtraction(text: "Laskutusvirhe tammikuussa", source: .pdf),
        "lasku2.pdf": AttachmentExtraction(
            text: "Liittymän hinta", source: .pdf,
            pendingOCR: [OCRTarget(steps: [.pdfPage(2)], label: "lasku2.pdf, page 2")]),
        "lasku3.pdf": AttachmentExtraction(problems: [ExtractionProblem(.encrypted, location: "lasku3.pdf", detail: "password-protected")]),
    ])

    func rereading(batch: Int = 32) -> AttachmentRereading {
        var rereading = AttachmentRereading(archive: store, personalIDKey: .testKey, reader: Self.reader)
        rereading.batch = batch
        rereading.workers = 2
        return rereading
    }

    @Test func attachmentsReadAgainFillTheIndexAndTheQueue() throws {
        let ids = try importWithoutReading()
        #expect(ids.count == 3)
        #expect(try Search(archive: store).run("laskutusvirhe", limit: nil).total == 0)

        let done = try rereading().run()
        #expect(done.interactions == 3)
        #expect(done.attachmentsWithText == 2)
        #expect(done.attachmentsWithProblems == 1)
        #expect(done.queued == 1)

        #expect(try Search(archive: store).run("attachment:laskutusvirheen", limit: nil).hits.map(\.sourceRef) == ["lasku1@example.fi"])
        #expect(try Search(archive: store).run("liittymä", limit: nil).hits.map(\.sourceRef) == ["lasku2@example.fi"])
        let contents = try store.interactionContents(ids: ids)
        #expect(contents.map { $0.attachments.first?.textSource } == ["pdf", "pdf", nil])
        #expect(try store.defects(ofInteraction: ids[2]) == ["attachment_unreadable"])
        #expect(try store.defects(ofInteraction: ids[0]) == [])
        #expect(contents[2].attachments.first?.problems == ["lasku3.pdf: password-protected (encrypted)"])
        #expect(try store.recognitionJobs(after: 0, limit: 10).map(\.label) == ["lasku2.pdf, page 2"])
        #expect(try store.rereadCheckpoint() == nil)
        #expect(try store.integrityProblems() == [])

        // Again: the same text, the OCR work queued once.
        _ = try rereading().run()
        #expect(try store.recognitionJobs(after: 0, limit: 10).map(\.label) == ["lasku2.pdf, page 2"])
        #expect(try Search(archive: store).run("laskutusvirhe", limit: nil).total == 1)
        #expect(try store.integrityProblems() == [])
    }

    @Test func anInterruptedRereadResumesAfterItsCheckpoint() throws {
        let ids = try importWithoutReading()
        var batches = 0
        let partial = try rereading(batch: 1).run(stop: { batches >= 2 }, progress: { progress in
            if progress.interactions > 0 { batches += 1 }
        })
        #expect(partial.interactions == 2)
        #expect(try store.rereadCheckpoint() == ids[1])

        let rest = try rereading(batch: 1).run()
        #expect(rest.total == 1)
        #expect(rest.interactions == 1)
        #expect(try store.rereadCheckpoint() == nil)
        #expect(try Search(archive: store).run("laskutusvirhe", limit: nil).total == 1)
        #expect(try store.defects(ofInteraction: ids[2]) == ["attachment_unreadable"])
    }

    @Test func erasedMessagesAreNotReadAgain() throws {
        let ids = try importWithoutReading()
        let register = try fixtures.write("customers.jsonl", """
            {"id": "C9", "kind": "person", "name": "Maija Meikäläinen", "emails": ["maija@example.fi"], "phones": [], "customer_number": null, "business_id": null, "personal_id": null, "address": null, "marketing_consent": null}

            """)
        _ = try CustomerImporter(archive: store, personalIDKey: .testKey).run(paths: [register.path])
        #expect(try store.eraseCustomer("C9").removed.interactions == 4)
        #expect(try store.interactionContents(ids: ids).isEmpty)

        let done = try rereading().run()
        #expect(done.interactions == 0)
        #expect(try Search(archive: store).run("laskutusvirhe", limit: nil).total == 0)
    }
}
