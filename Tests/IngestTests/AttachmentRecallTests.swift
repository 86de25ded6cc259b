import Archive
import Extract
import Foundation
@testable import Ingest
import Query
import Testing

/// Issue 15's recall, measured as an agent meets it: each document made by a real producer (the
/// Extract tests' fixtures: LibreOffice, poppler, tesseract's input, a TNEF writer checked with
/// Debian's `tnef`) is attached to its own message, imported with the real readers and passed over
/// by the OCR pass; then every content word of the text the document was made from (letters only,
/// four or more) is searched as `attachment:WORD`. Recall is the share of those words that find the
/// message: at least 0.95 for documents with text, 0.80 for OCR.
@Suite final class AttachmentRecallTests {
    let fixtures: MailFixtures
    let store: ArchiveStore

    init() throws {
        fixtures = try MailFixtures()
        store = try ArchiveStore(path: fixtures.archivePath)
    }

    deinit { fixtures.remove() }

    /// The Extract tests' fixture folder (a sibling test target's).
    static let documents = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ExtractTests/Fixtures")

    struct Document: Sendable, CustomStringConvertible {
        var file: String
        var contentType: String
        /// The texts it was made from, relative to ``documents``.
        var sources: [String]
        var minimumRecall: Double
        var description: String { file }
    }

    static let cases: [Document] = [
        Document(file: "lasku.pdf", contentType: "application/pdf", sources: ["sources/lasku-sivu1.txt", "sources/lasku-sivu2.txt"], minimumRecall: 0.95),
        Document(file: "asiakaskirje.docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 sources: ["asiakaskirje.txt"], minimumRecall: 0.95),
        Document(file: "asiakaskirje.odt", contentType: "application/vnd.oasis.opendocument.text", sources: ["asiakaskirje.txt"], minimumRecall: 0.95),
        Document(file: "asiakaskirje.rtf", contentType: "application/rtf", sources: ["asiakaskirje.txt"], minimumRecall: 0.95),
        Document(file: "laskut.xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 sources: ["laskut.csv"], minimumRecall: 0.95),
        Document(file: "esitys.pptx", contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                 sources: ["esitys.txt"], minimumRecall: 0.95),
        Document(file: "muistio.doc", contentType: "application/msword", sources: ["sources/muistio.txt"], minimumRecall: 0.95),
        Document(file: "winmail.dat", contentType: "application/ms-tnef",
                 sources: ["sources/winmail-body.txt", "sources/winmail-liite.txt", "sources/lasku-sivu1.txt", "sources/lasku-sivu2.txt"],
                 minimumRecall: 0.95),
        Document(file: "valitetty.eml", contentType: "message/rfc822", sources: ["saate.txt", "asiakaskirje.txt"], minimumRecall: 0.95),
        Document(file: "liitteet.zip", contentType: "application/zip", sources: ["asiakaskirje.txt", "muistio.txt"], minimumRecall: 0.95),
        Document(file: "kuvakaappaus.png", contentType: "image/png", sources: ["sources/kuvakaappaus.txt"], minimumRecall: 0.80),
        Document(file: "skannattu-sopimus.pdf", contentType: "application/pdf", sources: ["sources/skannattu-sopimus.txt"], minimumRecall: 0.80),
    ]

    static func contentWords(of document: Document) throws -> Set<String> {
        var words = Set<String>()
        for source in document.sources {
            let text = try String(contentsOf: documents.appendingPathComponent(source), encoding: .utf8)
            for word in text.split(whereSeparator: { !$0.isLetter }) where word.count >= 4 {
                words.insert(word.lowercased())
            }
        }
        return words
    }

    static func message(_ document: Document, id: String) throws -> String {
        let bytes = try [UInt8](Data(contentsOf: documents.appendingPathComponent(document.file)))
        if document.contentType == "message/rfc822" {
            return AttachmentMail.forwarding(id: id, body: "Välitän viestin.", filename: document.file, enclosed: bytes)
        }
        return AttachmentMail.message(id: id, body: "Liitteenä tiedosto.", filename: document.file, contentType: document.contentType, base64: bytes)
    }

    @Test func everyFormatsWordsFindTheMessageThroughSearch() throws {
        var messages: [String: String] = [:]
        for (number, document) in Self.cases.enumerated() {
            messages["\(number):2,S"] = try Self.message(document, id: "recall-\(number)@example.fi")
        }
        let maildir = try fixtures.maildir("Maildir", cur: messages)
        let tally = try MailImporter(archive: store, personalIDKey: .testKey).run(paths: [maildir.path])
        #expect(tally.archived == Self.cases.count)
        let pass = try RecognitionPass(archive: store, personalIDKey: .testKey).run()
        #expect(pass.failed == 0)

        let search = Search(archive: store)
        for (number, document) in Self.cases.enumerated() {
            let words = try Self.contentWords(of: document)
            try #require(words.count >= 15, "\(document): too few words to measure")
            var found = 0
            var missed: [String] = []
            for word in words.sorted() {
                let refs = try search.run("attachment:\(word)", limit: nil).hits.map(\.sourceRef)
                if refs.contains("recall-\(number)@example.fi") { found += 1 } else { missed.append(word) }
            }
            let recall = Double(found) / Double(words.count)
            print("attachment recall \(document): \(found) of \(words.count) words, \(String(format: "%.3f", recall))")
            #expect(recall >= document.minimumRecall, "\(document): recall \(recall) over \(words.count) words; missed \(missed.prefix(20))")
        }
    }
}
