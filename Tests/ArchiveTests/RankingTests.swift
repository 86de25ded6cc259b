import Foundation
import GRDB
import Testing

@testable import Archive

/// `arkisto_bm25` (Sources/CFullTextRank) must score exactly as FTS5's own `bm25` with the same
/// weights (it only gets the row length and the document frequency more cheaply), except that a
/// row matching only in the participants comes after every other row.
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
            let phraseHits = try String.fetchOne(
                db, sql: "SELECT arkisto_phrase_hits(interaction_fts) FROM interaction_fts WHERE interaction_fts MATCH ? LIMIT 1",
                arguments: [match])
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT f.rowid AS id, bm25(interaction_fts, \(weights)) AS expected,
                        arkisto_bm25(interaction_fts, d.sz, NULL, NULL, \(weights)) AS counted,
                        arkisto_bm25(interaction_fts, NULL, ?, NULL, \(weights)) AS given,
                        arkisto_bm25(interaction_fts, d.sz, ?, NULL, \(weights)) AS givenPerPhrase,
                        arkisto_bm25(interaction_fts, d.sz, NULL, \(FullTextRanking.participantsColumn), \(weights)) AS tiered
                    FROM interaction_fts f JOIN interaction_fts_docsize d ON d.id = f.rowid
                    WHERE interaction_fts MATCH ?
                    """,
                arguments: [total, phraseHits, match])
        }
        #expect(!rows.isEmpty)
        let onePhrase = !match.contains(" AND ") && !match.contains(" NOT ") && !match.contains(" OR ")
        for row in rows {
            let expected: Double = row["expected"]
            #expect(expected < 0)
            #expect(abs((row["counted"] as Double) - expected) <= 1e-12 * abs(expected), "row \(row["id"] as Int64)")
            // No participant here matches these words: the tiers change nothing.
            #expect(abs((row["tiered"] as Double) - expected) <= 1e-12 * abs(expected), "row \(row["id"] as Int64)")
            #expect(abs((row["givenPerPhrase"] as Double) - expected) <= 1e-12 * abs(expected), "row \(row["id"] as Int64)")
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

    /// The tiers against an oracle that does not look at the ranking function: a row is in the
    /// first tier when any of the query's phrases (`anyPhrase`) matches it outside the
    /// participants column.
    @Test(arguments: [
        ("\"asiakaspalvelu\"", "\"asiakaspalvelu\""),
        ("\"asiakaspalvelu\" OR \"vika\"", "\"asiakaspalvelu\" OR \"vika\""),
        ("\"asiakas\" *", "\"asiakas\" *"),
        ("\"asiakaspalvelu\" AND \"lasku\"", "\"asiakaspalvelu\" OR \"lasku\""),
    ])
    func rowsMatchingOnlyInParticipantsComeLastInBm25Order(match: String, anyPhrase: String) throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let run = try archive.store.beginImportRun(sourceKind: "mail", arguments: [])
        let long = String(repeating: "Pitkä viesti ilman asiaa. ", count: 40)
        let documents: [(subject: String, body: String, service: Bool)] = [
            ("Lasku", "Laskussa on virhe.", true),
            ("Vika", "Vika korjattu.", true),
            ("Kiitos", long + "Kiitos asiakaspalvelulle, lasku on nyt oikein.", false),
            ("Asiakaspalvelu vastaa", long + "Vika ja lasku.", false),
            ("Tervehdys", long + "Asiakaspalvelu auttoi.", true),
            ("Lasku", "Laskussa on virhe.", false),
        ]
        let items = documents.enumerated().map { index, document in
            var interaction = email(ref: "t\(index)@x", subject: document.subject, body: document.body)
            if document.service {
                interaction.participants.append(Participant(role: .to, name: "Asiakaspalvelu", address: "tuki@operaattori.example"))
            }
            return ImportItem.archive(
                IncomingOriginal(bytes: Array("\(index)".utf8), position: SourcePosition(path: "/\(index)", offset: 0)), interaction)
        }
        _ = try archive.store.write(items, run: run)

        let weights = FullTextRanking.bm25Weights
        let expected = try archive.store.read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT rowid FROM interaction_fts WHERE interaction_fts MATCH ?1
                    ORDER BY rowid NOT IN (
                        SELECT rowid FROM interaction_fts WHERE interaction_fts MATCH '{subject body attachment_text} : (' || ?2 || ')'),
                        bm25(interaction_fts, \(weights)), rowid
                    """,
                arguments: [match, anyPhrase])
        }
        let byBm25 = try archive.store.read { db in
            try Int64.fetchAll(
                db,
                sql: "SELECT rowid FROM interaction_fts WHERE interaction_fts MATCH ? ORDER BY bm25(interaction_fts, \(weights)), rowid",
                arguments: [match])
        }
        if !match.contains(" AND ") {
            // The short messages to "Asiakaspalvelu" score best by bm25 alone.
            #expect(byBm25 != expected)
        }
        let page = try archive.store.search(SearchPlan(condition: nil, ranking: match, limit: nil, offset: 0))
        #expect(page.total == expected.count)
        #expect(page.hits.map(\.interactionID) == expected)
        for offset in 0..<expected.count {
            let one = try archive.store.search(SearchPlan(condition: nil, ranking: match, limit: 1, offset: offset))
            #expect(one.total == expected.count)
            #expect(one.hits.map(\.interactionID) == [expected[offset]])
        }
    }
}
