import Archive
import Foundation
@testable import Ingest
import MIME
import Testing

/// The full-text index columns analysed on the import's workers and replayed by the writer give
/// the same archive as analysing them in the writer.
@Suite struct WorkerAnalysisTests {
    @Test func importingWithWorkerAnalysisGivesTheSameArchive() throws {
        let fixtures = try MailFixtures()
        defer { fixtures.remove() }
        let paths = try Self.mail(in: fixtures)
        var fingerprints: [ArchiveFingerprint] = []
        for onWorkers in [false, true] {
            let store = try ArchiveStore(path: fixtures.root.appendingPathComponent("archive-\(onWorkers).sqlite").path)
            var importer = MailImporter(archive: store, personalIDKey: .testKey)
            importer.analyzeOnWorkers = onWorkers
            importer.jobs = 2
            importer.batchMessages = 7
            let tally = try importer.run(paths: paths)
            #expect(tally.archived == 41)
            #expect(try store.integrityProblems() == [])
            fingerprints.append(try store.fingerprint())
        }
        #expect(fingerprints[0].indexIntegrity == "ok")
        #expect(fingerprints[0].indexTerms > 100)
        #expect(fingerprints[0] == fingerprints[1])
    }

    @Test func workersPrepareStreamsOnlyForAFinnishIndex() throws {
        let fixtures = try MailFixtures()
        defer { fixtures.remove() }
        let finnish = try ArchiveStore(path: fixtures.root.appendingPathComponent("fi.sqlite").path)
        let unicode = try ArchiveStore(path: fixtures.root.appendingPathComponent("u61.sqlite").path, tokenizer: .unicode61)
        let workers = ParallelWorkers(count: 2)
        let raw = SampleMail.plain(id: "w@example.fi", subject: "Laskusta", body: "Puhelinlaskussa on virhe.")
        let batch = [PendingMessage.read(.message(RawMessage(bytes: Array(raw.utf8), location: SourceLocation(path: "/m/1"))))]

        let prepared = try MessagePreparation(
            archive: finnish, limits: .default, ownDomains: [], mentions: MentionExtractor(personalIDKey: .testKey),
            workers: workers, analyzers: WorkerAnalyzers(workers: workers),
            packers: PerWorker(workers: workers, make: { OriginalPacker() })
        ).prepare(batch)
        guard case .archive(let original, let interactions) = prepared.items.first else {
            Issue.record("not archived: \(prepared.items)")
            return
        }
        // The original is packed on the worker too.
        #expect(prepared.packed.map(\.digest) == [original.digest])
        let interaction = try #require(interactions.first)
        let indexed = try #require(interaction.indexedText)
        #expect(indexed.body.textLength == interaction.body.utf8.count)
        #expect(indexed.subject.textLength == "Laskusta".utf8.count)

        // An archive indexed with unicode61 would read a stream as words: the importer prepares none,
        // and the archive is the same either way.
        #expect(try unicode.indexTokenizer()?.acceptsTokenStreams == false)
        var fingerprints: [ArchiveFingerprint] = []
        for onWorkers in [false, true] {
            let store = try ArchiveStore(
                path: fixtures.root.appendingPathComponent("u61-\(onWorkers).sqlite").path, tokenizer: .unicode61)
            var importer = MailImporter(archive: store, personalIDKey: .testKey)
            importer.analyzeOnWorkers = onWorkers
            _ = try importer.run(paths: try Self.mail(in: fixtures))
            fingerprints.append(try store.fingerprint())
        }
        #expect(fingerprints[0].indexIntegrity == "ok")
        #expect(fingerprints[0] == fingerprints[1])
    }

    /// A Maildir of 40 messages (some with a text attachment, some with words repeated across
    /// messages) and one loose .eml file.
    private static func mail(in fixtures: MailFixtures) throws -> [String] {
        let words = ["Puhelinlaskussa", "virhe", "hyvitystä", "Zyxelin", "reititin", "EU:n", "roaming-maksu",
                     "laskutettiin", "kahdesti", "asiakasnumero", "AS-1234567", "numeronsiirto", "päättyy"]
        var cur: [String: String] = [:]
        for index in 0..<40 {
            let body = (0..<(5 + index * 3)).map { words[($0 * 7 + index) % words.count] }.joined(separator: " ")
            let subject = "Viesti \(index): \(words[index % words.count])"
            cur["17000000\(index).\(index).host:2,S"] = index % 3 == 0
                ? attachmentMail(id: "a\(index)@example.fi", subject: subject, body: body, attachment: "Erittely: \(body.prefix(60))")
                : SampleMail.plain(id: "p\(index)@example.fi", subject: subject, body: body,
                                   from: "Käyttäjä \(index) <kayttaja\(index)@example.fi>")
        }
        let maildir = try fixtures.maildir("Maildir", cur: cur)
        let eml = try fixtures.write("loose/latin1.eml", SampleMail.latin1Complaint)
        return [maildir.path, eml.path]
    }

    private static func attachmentMail(id: String, subject: String, body: String, attachment: String) -> String {
        """
        From: Pekka Virtanen <pekka@example.fi>
        To: asiakaspalvelu@esimerkkiverkko.fi
        Subject: \(subject)
        Date: Tue, 4 Mar 2025 10:00:00 +0200
        Message-ID: <\(id)>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="raja"

        --raja
        Content-Type: text/plain; charset=utf-8

        \(body)
        --raja
        Content-Type: text/plain; charset=utf-8; name="erittely.txt"
        Content-Disposition: attachment; filename="erittely.txt"

        \(attachment)
        --raja--

        """
    }
}
