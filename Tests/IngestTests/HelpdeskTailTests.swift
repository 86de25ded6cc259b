import Archive
import Foundation
import Ingest
import Query
import Testing

/// `HelpdeskImporter.runTail`: an export that grows by appended ticket lines, read on from the
/// last run's checkpoint; tickets that come again with more or edited comments.
@Suite final class HelpdeskTailTests {
    let fixtures: MailFixtures
    let store: ArchiveStore
    let importer: HelpdeskImporter
    let export: String
    let key = "helpdesk:zendesk"

    static func comment(_ body: String, at time: String = "2025-01-14T09:12:00+02:00") -> String {
        #"{"author": {"name": "Aino Mäkelä", "email": "aino.makela@posti.example", "role": "end-user"}, "public": true, "created_at": "\#(time)", "body": "\#(body)"}"#
    }

    static func ticket(_ id: Int, _ comments: [String]) -> String {
        #"{"id": \#(id), "created_at": "2025-01-14T09:12:00+02:00", "subject": "Lasku", "requester": {"name": "Aino Mäkelä", "email": "aino.makela@posti.example"}, "comments": [\#(comments.joined(separator: ", "))]}"#
            + "\n"
    }

    init() throws {
        fixtures = try MailFixtures()
        try fixtures.write("register.jsonl", #"{"id": "C1", "kind": "person", "name": "Aino Mäkelä", "emails": ["aino.makela@posti.example"]}"# + "\n")
        export = try fixtures.write("helpdesk/tickets.jsonl", Self.ticket(1, [Self.comment("Laskussa on outo maksu.")])).path
        store = try ArchiveStore(path: fixtures.archivePath)
        importer = HelpdeskImporter(archive: store, personalIDKey: .testKey)
        _ = try CustomerImporter(archive: store, personalIDKey: .testKey).run(paths: [path("register.jsonl")])
    }

    deinit { fixtures.remove() }

    func path(_ relative: String) -> String { fixtures.root.appendingPathComponent(relative).path }

    func tail() throws -> TailResult { try importer.runTail(path: export, checkpointKey: key) }

    func customer() throws -> Int64 { try #require(try store.customerIDs(sourceID: "C1").first) }

    @Test func aTicketComingAgainWithMoreCommentsAddsOnlyTheNewOnes() throws {
        #expect(try tail().tally.archived == 1)
        try CallFixtures.append(Self.ticket(1, [
            Self.comment("Laskussa on outo maksu."),
            Self.comment("Maksu on edelleen laskulla.", at: "2025-01-15T10:00:00+02:00"),
        ]), to: export)
        let second = try tail()
        #expect(second.records == 1)
        #expect(second.tally.archived == 1)
        #expect(try store.fingerprint().interactions == 2)
        #expect(try store.timeline(customerID: customer()).map(\.interaction.sourceRef) == ["1#2", "1#1"])
    }

    @Test func aRewrittenExportIsReadFromItsStartWithoutDuplicates() throws {
        _ = try tail()
        // Regenerated: other tickets first, longer than before, the first ticket again later.
        try Data((Self.ticket(2, [Self.comment("Uusi tiketti, pidempi kuin ennen.")])
            + Self.ticket(1, [Self.comment("Laskussa on outo maksu.")])).utf8).write(to: URL(fileURLWithPath: export))
        let result = try tail()
        #expect(result.records == 2)
        #expect(result.tally.archived == 1)
        #expect(result.tally.alreadyPresent == 1)
        #expect(result.notes.count == 1)
    }

    /// The helpdesk let the customer edit a comment: the export has the same comment (ticket 1,
    /// comment 1) with another text. Both are kept; the later one is current.
    @Test func anEditedCommentKeepsBothVersionsWithTheLaterOneCurrent() throws {
        _ = try tail()
        try CallFixtures.append(Self.ticket(1, [Self.comment("Laskussa on virheellinen maksu, haluan hyvityksen.")]), to: export)
        let second = try tail()
        #expect(second.tally.archived == 1)
        #expect(try store.fingerprint().interactions == 2)
        try Classifier(archive: store).apply()

        let search = Search(archive: store)
        #expect(try search.run("hyvitys", limit: nil).hits.map(\.sourceRef) == ["1#1"])
        #expect(try search.run("outo", limit: nil).total == 0)
        #expect(try search.run("kind:ticket", limit: nil).total == 1)
        let current = try store.timeline(customerID: customer())
        #expect(current.count == 1)
        let text = try store.interactionContents(ids: current.map(\.interaction.interactionID)).map(\.body)
        #expect(text == ["Laskussa on virheellinen maksu, haluan hyvityksen."])
        #expect(try store.complaints(customerID: nil, since: nil).map(\.sourceRef) == ["1#1"])

        // The inspection report shows every version kept.
        let everything = try store.timeline(customerID: customer(), includeEarlierVersions: true)
        let bodies = try store.interactionContents(ids: everything.map(\.interaction.interactionID)).map(\.body)
        #expect(Set(bodies) == ["Laskussa on outo maksu.", "Laskussa on virheellinen maksu, haluan hyvityksen."])

        // The first text coming again (an older export read again) changes nothing: still the later one.
        try CallFixtures.append(Self.ticket(1, [Self.comment("Laskussa on outo maksu.")]), to: export)
        #expect(try tail().tally.alreadyPresent == 1)
        #expect(try search.run("hyvitys", limit: nil).total == 1)
        #expect(try search.run("outo", limit: nil).total == 0)
    }
}
