import Foundation
import GRDB
import Query
import Testing

@testable import Archive

/// Issue 16: a search for `asiakaspalvelusta` ranked every message addressed to "Asiakaspalvelu
/// <support@…>" among the best hits, since the participants' names are indexed too. A word that
/// stands only in a participant's name or address still finds the message, but after every
/// message with a match in its subject, body or attachment text; `subject:`, `body:`, `from:` and
/// `to:` say where a word must stand.
@Suite final class ParticipantNameSearchTests {
    struct Message {
        var ref: String
        var subject: String
        var body: String
        var participants: [Participant]
        var attachmentText: String? = nil
    }

    static func service(_ role: ParticipantRole) -> Participant {
        Participant(role: role, name: "Asiakaspalvelu", address: "support@operaattori.example")
    }

    static func customer(_ name: String, _ address: String, _ role: ParticipantRole = .from) -> Participant {
        Participant(role: role, name: name, address: address)
    }

    static let maija = customer("Maija Meikäläinen", "maija@koti.example")
    static let matti = customer("Matti Virtanen", "matti@posti.example")
    static let osten = customer("Östen Öhman", "osten@koti.example")
    /// Makes a text long, so that one mention in it scores less than a short message's name.
    static let filler = String(repeating: "Liittymä toimii taas normaalisti ja kaikki on kunnossa. ", count: 30)

    static let nameOnly: Set<String> = ["nimi-1", "nimi-2", "nimi-3", "nimi-cc"]
    static let textMatches: Set<String> = ["runko", "otsikko", "liite", "runko-ja-nimi"]

    static let messages: [Message] = [
        // The word only in a participant's display name, in short messages: plain bm25 puts them first.
        Message(ref: "nimi-1", subject: "Kysymys", body: "Miten vaihdan liittymän?", participants: [maija, service(.to)]),
        Message(ref: "nimi-2", subject: "Osoitteenmuutos", body: "Uusi osoite on Kotikatu 2.", participants: [matti, service(.to)]),
        Message(
            ref: "nimi-3", subject: "Re: Kysymys", body: "Vaihto onnistuu verkossa.",
            participants: [service(.from), customer("Maija Meikäläinen", "maija@koti.example", .to)]),
        Message(
            ref: "nimi-cc", subject: "Laskutus", body: "Lasku tulee kuun lopussa.",
            participants: [matti, customer("Laskutus", "laskutus@operaattori.example", .to), service(.cc)]),
        // The word in the text: once in a long body, in a subject, in an attachment's text.
        Message(ref: "runko", subject: "Palaute", body: filler + "Kiitos nopeasta asiakaspalvelusta.", participants: [maija]),
        Message(ref: "otsikko", subject: "Palautetta asiakaspalvelusta", body: filler, participants: [osten]),
        Message(ref: "liite", subject: "Liite", body: filler, participants: [matti], attachmentText: "Asiakaspalvelun vastaus kirjeitse."),
        // In the text and in a name.
        Message(ref: "runko-ja-nimi", subject: "Kiitos", body: filler + "Asiakaspalvelu auttoi.", participants: [osten, service(.to)]),
        // Neither.
        Message(ref: "muu", subject: "Lasku", body: "Laskussa on virhe.", participants: [matti]),
    ]

    let folder: URL
    let store: ArchiveStore

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try ArchiveStore(path: folder.appendingPathComponent("a.sqlite").path)
        let run = try store.beginImportRun(sourceKind: "test", arguments: [])
        let items: [ImportItem] = Self.messages.map { message in
            .archive(
                IncomingOriginal(bytes: Array(message.ref.utf8), position: SourcePosition(path: "/\(message.ref)", offset: 0)),
                NewInteraction(
                    kind: .email, sourceRef: message.ref, contentDigest: ContentDigest(of: Array(message.ref.utf8)),
                    occurredAt: Date(timeIntervalSince1970: 1_700_000_000), subject: message.subject, body: message.body,
                    participants: message.participants,
                    attachments: message.attachmentText.map {
                        [NewAttachment(filename: "vastaus.txt", contentType: "text/plain", size: $0.utf8.count, digest: nil, text: $0)]
                    } ?? [],
                    references: [], defects: []))
        }
        _ = try store.write(items, run: run)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func page(_ query: String, limit: Int? = nil, offset: Int = 0) throws -> SearchPage {
        try Search(archive: store).run(query, limit: limit, offset: offset)
    }

    func refs(_ query: String) throws -> Set<String> {
        Set(try page(query).hits.map(\.sourceRef))
    }

    @Test func plainBm25WouldRankANameAboveTextMatches() throws {
        // The case of the issue: without the tiers a short message to "Asiakaspalvelu" scores
        // better than a long one that speaks of it.
        let byBm25 = try store.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT i.source_ref FROM interaction_fts f JOIN interaction i ON i.id = f.rowid
                    WHERE interaction_fts MATCH ? ORDER BY bm25(interaction_fts, \(FullTextRanking.bm25Weights)), i.id
                    """,
                arguments: ["\"asiakaspalvelusta\""])
        }
        #expect(Set(byBm25) == Self.nameOnly.union(Self.textMatches))
        #expect(Self.nameOnly.contains(byBm25[0]))
    }

    @Test func aWordOnlyInANameRanksAfterEveryTextMatch() throws {
        let page = try page("asiakaspalvelusta")
        let refs = page.hits.map(\.sourceRef)
        #expect(page.total == Self.nameOnly.count + Self.textMatches.count)
        #expect(Set(refs.prefix(Self.textMatches.count)) == Self.textMatches)
        #expect(Set(refs.suffix(Self.nameOnly.count)) == Self.nameOnly)
        // Scores stay "higher is better": a text match above zero, a name-only match below.
        #expect(page.hits.prefix(Self.textMatches.count).allSatisfy { $0.score > 0 })
        #expect(page.hits.suffix(Self.nameOnly.count).allSatisfy { $0.score < 0 })
        #expect(page.hits.map(\.score) == page.hits.map(\.score).sorted(by: >))
    }

    @Test func pagesFollowTheSameOrderAndCountEveryHit() throws {
        let all = try page("asiakaspalvelusta").hits.map(\.sourceRef)
        var paged: [String] = []
        for offset in stride(from: 0, to: all.count + 3, by: 3) {
            let page = try page("asiakaspalvelusta", limit: 3, offset: offset)
            #expect(page.total == all.count)
            paged += page.hits.map(\.sourceRef)
        }
        #expect(paged == all)
    }

    @Test func aNameNextToAWordOfTheTextIsATextMatch() throws {
        // An agent types a customer's name and a word: the row matches in its text, so its name
        // match counts as bm25 counts it, in the first tier.
        #expect(try refs("maija liittymän") == ["nimi-1", "runko"])
        let page = try page("asiakaspalvelu liittymän")
        #expect(Set(page.hits.map(\.sourceRef)) == ["nimi-1", "runko", "otsikko", "liite", "runko-ja-nimi"])
        #expect(page.hits.allSatisfy { $0.score > 0 })
    }

    @Test func bodyFindsOnlyTheBody() throws {
        #expect(try refs("body:asiakaspalvelusta") == ["runko", "runko-ja-nimi"])
        #expect(try refs("body:\"nopeasta asiakaspalvelusta\"") == ["runko"])
        #expect(try refs("body:asiakaspalv*") == ["runko", "runko-ja-nimi"])
        #expect(try refs("body:=asiakaspalvelusta") == ["runko"])
        #expect(try refs("body:=\"asiakaspalvelu auttoi\"") == ["runko-ja-nimi"])
        #expect(try refs("body:(asiakaspalvelusta OR osoite)") == ["runko", "runko-ja-nimi", "nimi-2"])
        #expect(try refs("body:(asiakaspalvelusta -nopeasta)") == ["runko-ja-nimi"])
        #expect(try refs("asiakaspalvelusta -body:asiakaspalvelusta") == Self.nameOnly.union(["otsikko", "liite"]))
        #expect(try page("body:asiakaspalvelusta").total == 2)
    }

    @Test func subjectFromAndToStillSayWhereAWordStands() throws {
        #expect(try refs("subject:asiakaspalvelusta") == ["otsikko"])
        #expect(try refs("subject:(kysymys OR palaute)") == ["nimi-1", "nimi-3", "runko", "otsikko"])
        #expect(try refs("from:asiakaspalvelu") == ["nimi-3"])
        #expect(try refs("from:support@operaattori.example") == ["nimi-3"])
        // to: is to or cc.
        #expect(try refs("to:asiakaspalvelu") == ["nimi-1", "nimi-2", "nimi-cc", "runko-ja-nimi"])
        #expect(try refs("to:@operaattori.example kuun") == ["nimi-cc"])
        #expect(try refs("from:matt*") == ["nimi-2", "nimi-cc", "liite", "muu"])
        #expect(try refs("from:(maija OR \"östen öhman\")") == ["nimi-1", "runko", "otsikko", "runko-ja-nimi"])
        #expect(try refs("to:asiakaspalvelu -body:asiakaspalvelu") == ["nimi-1", "nimi-2", "nimi-cc"])
    }

    @Test func fromAndToCompareNamesWhateverTheCaseOfTheirLetters() throws {
        // SQLite's lower() and LIKE fold ASCII letters only: "Öhman" was not found by `öhman`.
        #expect(try refs("from:öhman") == ["otsikko", "runko-ja-nimi"])
        #expect(try refs("from:ÖHMAN") == ["otsikko", "runko-ja-nimi"])
        #expect(try refs("from:östen") == ["otsikko", "runko-ja-nimi"])
        #expect(try refs("from:meikäläinen") == ["nimi-1", "runko"])
    }
}
