import Archive
import Foundation
import Query
import Testing

/// Searches through the `finnish` tokenizer on a small archive of real Finnish sentences.
@Suite final class FinnishSearchTests {
    let folder: URL
    let store: ArchiveStore

    static let documents: [(ref: String, subject: String, body: String)] = [
        ("lasku@x", "Reklamaatio", "Teen reklamaation puhelinlaskusta, jossa on virheellinen summa."),
        ("hyvitys@x", "Hyvityspyyntö", "Pyydän hyvityksen katkoksen ajalta. Yhteys ei toiminut viikkoon."),
        ("vika@x", "Vikailmoitus", "Liittymässä on vika: yhteyttä ei ole. EU:n roaming ei toimi."),
        ("saate@x", "Tilaus", "Kiitos tilauksesta. Laskutusosoite päivitetty."),
        ("sv@x", "Återbetalning", "Jag vill ha en återbetalning för fakturan."),
        ("tili@x", "Veloitus", "Tililtä veloitettiin kahdesti, eikä virheiltä voi välttyä."),
    ]

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-fi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try ArchiveStore(path: folder.appendingPathComponent("a.sqlite").path)
        let run = try store.beginImportRun(sourceKind: "test", arguments: [])
        let items: [ImportItem] = Self.documents.map { document in
            .archive(
                IncomingOriginal(bytes: Array(document.ref.utf8), position: SourcePosition(path: "/\(document.ref)", offset: 0)),
                NewInteraction(
                    kind: .email, sourceRef: document.ref, contentDigest: ContentDigest(of: Array(document.body.utf8)), occurredAt: nil, subject: document.subject, body: document.body,
                    participants: [], attachments: [], references: [], defects: []))
        }
        _ = try store.write(items, run: run)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func refs(_ query: String) throws -> Set<String> {
        Set(try Search(archive: store).run(query, limit: nil).hits.map(\.sourceRef))
    }

    @Test func anInflectionFindsACompoundInAnotherInflection() throws {
        #expect(try refs("laskuja") == ["lasku@x"])
    }

    @Test func gradationIsUndoneByBaseForms() throws {
        #expect(try refs("hyvitys") == ["hyvitys@x"])
        #expect(try refs("katkos") == ["hyvitys@x"])
        #expect(try refs("yhteys") == ["hyvitys@x", "vika@x"])
        #expect(try refs("vian") == ["vika@x"])
    }

    @Test func aPartDoesNotMatchAnUnrelatedCompound() throws {
        // laskutusosoite is laskutus + osoite: it holds no "lasku".
        #expect(try refs("lasku").contains("saate@x") == false)
    }

    @Test func exactFormsPrefixesAndAsciiFolding() throws {
        #expect(try refs("=\"puhelinlaskusta\"") == ["lasku@x"])
        #expect(try refs("=\"puhelinlasku\"").isEmpty)
        #expect(try refs("lasku*").isSuperset(of: ["lasku@x", "saate@x"]))
        #expect(try refs("hyvitysta") == ["hyvitys@x"])
        #expect(try refs("EU") == ["vika@x"])
    }

    /// Stems of only `e` and `i` take front-vowel endings: typed in ASCII, only the ending lost its
    /// dots (and `virheilta` even reads as a compound, `virhe` + `ilta`).
    @Test func asciiTypedFrontVowelEndingsAreRestored() throws {
        #expect(try refs("virheilta") == refs("virheiltä"))
        #expect(try refs("virheilta") == ["tili@x"])
        #expect(try refs("tililta") == ["tili@x"])
        #expect(try refs("\"tililta veloitettiin\"") == ["tili@x"])
        #expect(try refs("valtty*") == ["tili@x"])
    }

    @Test func swedishWordsAreFoundAsWritten() throws {
        #expect(try refs("återbetalning") == ["sv@x"])
    }

    @Test func highlightsMarkTheOriginalWord() throws {
        let hits = try Search(archive: store).run("laskuja", limit: 1).hits
        let snippet = try #require(hits.first?.snippet)
        #expect(snippet.contains(SearchHit.highlightStart + "puhelinlaskusta" + SearchHit.highlightEnd))
    }

    @Test func aPhraseMatchesInflectedNeighbours() throws {
        #expect(try refs("\"virheellinen summa\"") == ["lasku@x"])
        #expect(try refs("\"summa virheellinen\"").isEmpty)
    }
}
