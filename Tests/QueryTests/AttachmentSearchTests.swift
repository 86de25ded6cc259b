import Foundation
import GRDB
import Query
import Testing

@testable import Archive

/// `filename:` and snippets that name the attachment, on an archive written as the import writes
/// it: attachments with names, texts and where the text came from.
@Suite final class AttachmentSearchTests {
    let folder: URL
    let store: ArchiveStore

    struct Message {
        var ref: String
        var subject: String
        var body: String
        var attachments: [(name: String?, type: String, text: String?)]
    }

    static let messages = [
        Message(ref: "lasku@koti.example", subject: "Helmikuun lasku", body: "Lasku liitteenä, katsokaa huomautusta.",
                attachments: [("Lasku_2025-02.PDF", "application/pdf",
                               "Asiakasnumero AS-0000002\nHuomautus: laskulla on laskutusvirhe, asennuskäynti veloitettiin kahdesti.")]),
        Message(ref: "ehdot@koti.example", subject: "Sopimus", body: "Allekirjoitettu sopimus ja ehdot liitteinä.",
                attachments: [("sopimus.pdf", "application/pdf", "Sopimus alkaa maaliskuussa."),
                              ("Käyttöehdot.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                               "Käyttöehtojen mukaan irtisanomisaika on kuukausi.")]),
        Message(ref: "kuva@koti.example", subject: "Virhe sivulla", body: "Kuvakaappaus laskutusvirheestä liitteenä.",
                attachments: [(nil, "image/png", nil)]),
        Message(ref: "teksti@koti.example", subject: "Lasku", body: "Tässä viestissä puhutaan laskusta, ei liitteitä.",
                attachments: []),
    ]

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-attachments-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try ArchiveStore(path: folder.appendingPathComponent("a.sqlite").path)
        let run = try store.beginImportRun(sourceKind: "test", arguments: [])
        let items: [ImportItem] = Self.messages.map { message in
            let bytes = Array("Message-ID: <\(message.ref)>\n\n\(message.body)".utf8)
            return .archive(
                IncomingOriginal(bytes: bytes, position: SourcePosition(path: "/\(message.ref)", offset: 0)),
                NewInteraction(
                    kind: .email, sourceRef: message.ref, contentDigest: ContentDigest(of: bytes),
                    occurredAt: Date(timeIntervalSince1970: 1_740_000_000), subject: message.subject, body: message.body,
                    participants: [Participant(role: .from, name: "Liisa Korhonen", address: "liisa@koti.example")],
                    attachments: message.attachments.map { a in
                        NewAttachment(filename: a.name, contentType: a.type, size: 100, digest: ContentDigest(of: Array((a.name ?? a.type).utf8)),
                                      text: a.text, textSource: a.text == nil ? nil : "pdf")
                    },
                    references: [], defects: []))
        }
        _ = try store.write(items, run: run)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func refs(_ query: String) throws -> Set<String> {
        Set(try Search(archive: store).run(query, limit: 50, offset: 0).hits.map(\.sourceRef))
    }

    @Test func filenameMatchesAWordOfAnAttachmentsName() throws {
        #expect(try refs("filename:lasku") == ["lasku@koti.example"])
        #expect(try refs("filename:LASKU") == ["lasku@koti.example"])
        // The extension is a word of the name, in any case.
        #expect(try refs("filename:pdf") == ["lasku@koti.example", "ehdot@koti.example"])
        #expect(try refs("filename:docx") == ["ehdot@koti.example"])
        // A prefix, and a name typed without ä and ö.
        #expect(try refs("filename:las*") == ["lasku@koti.example"])
        #expect(try refs("filename:kayttoehdot") == ["ehdot@koti.example"])
        #expect(try refs("filename:käyttöehdot") == ["ehdot@koti.example"])
        // Several words of a name stand next to each other, however they are separated.
        #expect(try refs("filename:lasku_2025") == ["lasku@koti.example"])
        #expect(try refs("filename:\"2025 02\"") == ["lasku@koti.example"])
        #expect(try refs("filename:2025-02.pdf") == ["lasku@koti.example"])
        #expect(try refs("filename:02-2025").isEmpty)
        // A word that stands only in the text, the body or the type is no file name.
        #expect(try refs("filename:laskutusvirhe").isEmpty)
        #expect(try refs("filename:png").isEmpty)
        #expect(try refs("filename:las").isEmpty)
    }

    @Test func filenameCombinesWithWordsFieldsAndGroups() throws {
        #expect(try refs("filename:pdf laskutusvirhe") == ["lasku@koti.example"])
        #expect(try refs("filename:pdf -filename:docx") == ["lasku@koti.example"])
        #expect(try refs("filename:(sopimus OR lasku)") == ["lasku@koti.example", "ehdot@koti.example"])
        #expect(try refs("laskutusvirhe OR filename:docx") == ["lasku@koti.example", "ehdot@koti.example", "kuva@koti.example"])
        #expect(try refs("has:attachment -filename:pdf") == ["kuva@koti.example"])
        #expect(try refs("lasku* -filename:lasku") == ["teksti@koti.example", "kuva@koti.example"])
    }

    @Test func aSnippetFromAnAttachmentNamesIt() throws {
        let hits = try Search(archive: store).run("laskutusvirhe", limit: 10, offset: 0).hits
        let fromAttachment = try #require(hits.first { $0.sourceRef == "lasku@koti.example" })
        #expect(fromAttachment.snippetAttachment == "Lasku_2025-02.PDF")
        #expect(fromAttachment.snippet.contains("\(SearchHit.highlightStart)laskutusvirhe\(SearchHit.highlightEnd)"))
        // The screenshot's message says it in the body: no attachment named.
        let fromBody = try #require(hits.first { $0.sourceRef == "kuva@koti.example" })
        #expect(fromBody.snippetAttachment == nil)
        // The second of two attachments, found by its text.
        let second = try #require(try Search(archive: store).run("irtisanomisaika", limit: 10, offset: 0).hits.first)
        #expect(second.snippetAttachment == "Käyttöehdot.docx")
        let json = String(decoding: try JSONEncoder().encode(SearchHitJSON(second)), as: UTF8.self)
        #expect(json.contains(#""snippet_attachment":"Käyttöehdot.docx""#))
    }

    @Test func theNameBesideASnippetIsNotRepeatedAtItsStart() {
        let marked = "kuvakaappaus.png\nOma \(SearchHit.highlightStart)Numeronsiirto\(SearchHit.highlightEnd) epäonnistui"
        #expect(SnippetSource.droppingLeadingName("kuvakaappaus.png", from: marked)
            == "Oma \(SearchHit.highlightStart)Numeronsiirto\(SearchHit.highlightEnd) epäonnistui")
        // Only the whole name, followed by a space or line break.
        #expect(SnippetSource.droppingLeadingName("kuva", from: "kuvakaappaus.png") == "kuvakaappaus.png")
        #expect(SnippetSource.droppingLeadingName("lasku.pdf", from: "lasku.pdf") == "lasku.pdf")
    }

    @Test func erasedAndRenamedNamesAreNoLongerFound() throws {
        try store.write { db in
            try db.execute(sql: "UPDATE attachment SET filename = 'poistettu.pdf' WHERE filename = 'sopimus.pdf'")
            try db.execute(sql: "DELETE FROM interaction WHERE source_ref = 'lasku@koti.example'")
        }
        #expect(try refs("filename:sopimus").isEmpty)
        #expect(try refs("filename:poistettu") == ["ehdot@koti.example"])
        #expect(try refs("filename:lasku").isEmpty)
    }
}
