import Archive
import Foundation
import Ingest
import MIME
import Query
import Testing

@Suite struct MailImporterTests {
    @Test func importsMaildirMboxAndEmlAndASecondRunAddsNothing() throws {
        let fixtures = try MailFixtures()
        defer { fixtures.remove() }
        let maildir = try fixtures.maildir(
            "Maildir",
            cur: ["1700000000.1.host:2,S": SampleMail.plain(id: "m1@example.fi", subject: "Laskusta", body: "Puhelinlaskussa on virhe.")],
            new: ["1700000001.2.host": SampleMail.plain(id: "m2@example.fi", subject: "Vika", body: "Netti ei toimi.")])
        let mbox = "From maija@example.fi Mon Mar  3 09:15:00 2025\n"
            + SampleMail.plain(id: "b1@example.fi", subject: "Numeronsiirto", body: "Haluan siirtää numeron.\n>From here on")
            + "\nFrom pekka@example.fi Mon Mar  3 10:15:00 2025\n"
            + SampleMail.plain(id: "b2@example.fi", subject: "Sopimus", body: "Sopimus päättyy.") + "\n"
        let mboxURL = try fixtures.write("archive.mbox", mbox)
        let emlURL = try fixtures.write("loose/latin1.eml", SampleMail.latin1Complaint)

        let store = try ArchiveStore(path: fixtures.archivePath)
        let importer = MailImporter(archive: store, personalIDKey: .testKey)
        let paths = [maildir.path, mboxURL.path, emlURL.deletingLastPathComponent().path]
        let first = try importer.run(paths: paths)
        #expect(first.archived == 5)
        #expect(first.alreadyPresent == 0)
        #expect(first.quarantined == 0)

        let second = try importer.run(paths: paths)
        #expect(second.archived == 0)
        #expect(second.alreadyPresent == 5)
        let counts = try store.counts()
        #expect(counts.interactions == 5)
        #expect(counts.originals == 5)
        #expect(counts.indexedRows == 5)
        #expect(counts.sourceLocations == 5)
    }

    @Test func originalsAreKeptByteForByte() throws {
        let fixtures = try MailFixtures()
        defer { fixtures.remove() }
        let emlURL = try fixtures.write("mail/latin1.eml", SampleMail.latin1Complaint)
        let mbox = "From x Mon Mar  3 09:15:00 2025\n" + SampleMail.plain(id: "q@x", subject: "S", body: "From-rivi:\n>From me") + "\n"
        let mboxURL = try fixtures.write("mail/box.mbox", mbox)
        let store = try ArchiveStore(path: fixtures.archivePath)
        _ = try MailImporter(archive: store, personalIDKey: .testKey).run(paths: [emlURL.path, mboxURL.path])

        var byPath: [String: ContentDigest] = [:]
        try store.forEachOriginal { original in
            for location in original.locations { byPath[location.path] = original.digest }
        }
        #expect(byPath[emlURL.path] == ContentDigest(of: SampleMail.latin1Complaint))
        // mboxrd: the stored original is the message as it was before ">From" escaping.
        let unescaped = SampleMail.plain(id: "q@x", subject: "S", body: "From-rivi:\nFrom me")
        #expect(byPath[mboxURL.path] == ContentDigest(of: Array(unescaped.utf8)))
    }

    @Test func theSameMessageInTwoPlacesIsOneOriginal() throws {
        let fixtures = try MailFixtures()
        defer { fixtures.remove() }
        let text = SampleMail.plain(id: "dup@example.fi", subject: "Kaksi kertaa", body: "Sama viesti.")
        let maildir = try fixtures.maildir("Maildir", cur: ["1.host:2,S": text])
        let eml = try fixtures.write("copy.eml", text)
        let store = try ArchiveStore(path: fixtures.archivePath)
        let tally = try MailImporter(archive: store, personalIDKey: .testKey).run(paths: [maildir.path, eml.path])
        #expect(tally.archived == 1)
        #expect(tally.alreadyPresent == 1)
        var locations: [SourcePosition] = []
        try store.forEachOriginal { locations += $0.locations }
        #expect(locations.count == 2)
    }

    @Test func badInputIsQuarantinedWithReasonAndBytes() throws {
        let fixtures = try MailFixtures()
        defer { fixtures.remove() }
        let large = SampleMail.plain(id: "big@example.fi", subject: "Iso", body: String(repeating: "liite ", count: 2_000))
        let maildir = try fixtures.maildir(
            "Maildir",
            cur: [
                "big:2,S": large,
                "empty:2,S": "",
                "good:2,S": SampleMail.plain(id: "ok@example.fi", subject: "Hyvä", body: "Kiitos."),
            ])
        let store = try ArchiveStore(path: fixtures.archivePath)
        var importer = MailImporter(archive: store, personalIDKey: .testKey)
        importer.limits.maxMessageBytes = 4_096
        let tally = try importer.run(paths: [maildir.path])
        #expect(tally.archived == 1)
        #expect(tally.quarantinedByReason[.messageTooLarge] == 1)
        #expect(tally.quarantinedByReason[.notAMessage] == 1)
        #expect(tally.total == 3)

        let entries = try store.quarantineEntries()
        let tooLarge = try #require(entries.first { $0.reason == .messageTooLarge })
        #expect(tooLarge.position.path.hasSuffix("big:2,S"))
        #expect(tooLarge.detail.hasSuffix("exceeds the limit of 4096 bytes"))
        let empty = try #require(entries.first { $0.reason == .notAMessage })
        #expect(try store.quarantinedBytes(id: empty.id) == [])

        // Quarantined again on a rerun, never duplicated.
        let again = try importer.run(paths: [maildir.path])
        #expect(again.quarantined == 2)
        #expect(try store.quarantineEntries().count == 2)
    }

    @Test func overDeepNestingIsArchivedWithADefectNotLost() throws {
        let fixtures = try MailFixtures()
        defer { fixtures.remove() }
        let maildir = try fixtures.maildir("Maildir", cur: ["deep:2,S": SampleMail.deeplyNested(depth: 150)])
        let store = try ArchiveStore(path: fixtures.archivePath)
        let tally = try MailImporter(archive: store, personalIDKey: .testKey).run(paths: [maildir.path])
        #expect(tally.archived == 1)
        #expect(try Search(archive: store).run("syva", limit: 5).hits.map(\.sourceRef) == ["deep@example.fi"])
    }

    @Test func importedMailIsSearchable() throws {
        let fixtures = try MailFixtures()
        defer { fixtures.remove() }
        let eml = try fixtures.write("latin1.eml", SampleMail.latin1Complaint)
        let store = try ArchiveStore(path: fixtures.archivePath)
        _ = try MailImporter(archive: store, personalIDKey: .testKey).run(paths: [eml.path])
        let page = try Search(archive: store).run("summa", limit: 10)
        #expect(page.total == 1)
        #expect(page.hits.first?.sourceRef == "latin1@example.fi")
        #expect(page.hits.first?.subject == "Reklamaatio puhelinlaskusta")
        #expect(page.hits.first?.participants.contains("Järvinen <jarvinen@example.fi>") == true)
        // The ISO-8859-1 body was decoded: "värä" is searchable as UTF-8.
        #expect(try Search(archive: store).run("värä", limit: 10).total == 1)
    }

    @Test func aMissingPathIsAnErrorNamingIt() throws {
        let fixtures = try MailFixtures()
        defer { fixtures.remove() }
        let store = try ArchiveStore(path: fixtures.archivePath)
        let missing = fixtures.root.appendingPathComponent("no-such-maildir").path
        #expect {
            _ = try MailImporter(archive: store, personalIDKey: .testKey).run(paths: [missing])
        } throws: { error in
            "\(error)".contains("no-such-maildir")
        }
    }
}
