import Foundation
import GRDB
import Testing

@testable import Archive

/// `arkisto_bm25` (Sources/CFullTextRank) must score exactly as FTS5's own `bm25` with the same
/// weights: it only gets the row length and the document frequency more cheaply.
@Suite struct RankingTests {
    static let documents: [(subject: String, body: String)] = [
        ("Lasku", "Laskussa on virhe."),
        ("Vika liittymässä", "Puhelinlasku tuli kahdesti ja liittymässä on vika."),
        ("Kysymys", "Miksi laskusta puuttuu hyvitys? Lasku lasku lasku."),
        ("Laskun eräpäivä", "Voinko siirtää eräpäivää?"),
        ("Re: Vika", "Vika korjattu, lasku hyvitetään."),
        ("Tervehdys", "Kiitos nopeasta palvelusta."),
        ("Lasku ja vika", String(repeating: "Pitkä viesti ilman asiaa. ", count: 40) + "Lopuksi lasku ja vika, taas lasku ja vika."),
        ("Osoitteenmuutos", "Uusi osoite, laskut sinne."),
    ]

    static let queries = [
        "\"laskusta\"", "\"lasku\" AND \"vika\"", "subject : (\"lasku\")", "\"lasku\" NOT \"vika\"",
        "\"lasku ja vika\"", "\"lask\" *", "\"vika\" OR \"hyvitys\"",
    ]

    @Test(arguments: queries) func scoresEqualFTS5Bm25(match: String) throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let run = try archive.store.beginImportRun(sourceKind: "mail", arguments: [])
        let items = Self.documents.enumerated().map { index, document in
            ImportItem.archive(
                IncomingOriginal(bytes: Array("\(index)".utf8), position: SourcePosition(path: "/\(index)", offset: 0)),
                email(ref: "m\(index)@x", subject: document.subject, body: document.body))
        }
        _ = try archive.store.write(items, run: run)

        let weights = FullTextRanking.bm25Weights
        let rows = try archive.store.read { db in
            let total = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM interaction_fts WHERE interaction_fts MATCH ?", arguments: [match]) ?? 0
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT f.rowid AS id, bm25(interaction_fts, \(weights)) AS expected,
                        arkisto_bm25(interaction_fts, d.sz, NULL, \(weights)) AS counted,
                        arkisto_bm25(interaction_fts, NULL, ?, \(weights)) AS given
                    FROM interaction_fts f JOIN interaction_fts_docsize d ON d.id = f.rowid
                    WHERE interaction_fts MATCH ?
                    """,
                arguments: [total, match])
        }
        #expect(!rows.isEmpty)
        let onePhrase = !match.contains(" AND ") && !match.contains(" NOT ") && !match.contains(" OR ")
        for row in rows {
            let expected: Double = row["expected"]
            #expect(expected < 0)
            #expect(abs((row["counted"] as Double) - expected) <= 1e-12 * abs(expected), "row \(row["id"] as Int64)")
            if onePhrase {
                #expect(abs((row["given"] as Double) - expected) <= 1e-12 * abs(expected), "row \(row["id"] as Int64)")
            }
        }
    }

    @Test func searchOrdersBestFirstAsBm25Does() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let run = try archive.store.beginImportRun(sourceKind: "mail", arguments: [])
        let items = Self.documents.enumerated().map { index, document in
            ImportItem.archive(
                IncomingOriginal(bytes: Array("\(index)".utf8), position: SourcePosition(path: "/\(index)", offset: 0)),
                email(ref: "m\(index)@x", subject: document.subject, body: document.body))
        }
        _ = try archive.store.write(items, run: run)
        let match = "\"lasku\""
        let expected = try archive.store.read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT rowid FROM interaction_fts WHERE interaction_fts MATCH ?
                    ORDER BY bm25(interaction_fts, \(FullTextRanking.bm25Weights)), rowid
                    """,
                arguments: [match])
        }
        let page = try archive.store.search(SearchPlan(condition: nil, ranking: match, limit: 3, offset: 1))
        #expect(expected.count >= 5)
        #expect(page.total == expected.count)
        #expect(page.hits.map(\.interactionID) == Array(expected[1..<4]))
        #expect(page.hits.allSatisfy { $0.snippet.contains(SearchHit.highlightStart) })
    }
}
