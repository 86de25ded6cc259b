import Archive
import Foundation
import GRDB
import Testing

/// The programs link the SQLite of `Sources/CSQLite`, whose FTS5 deletes index entries in place.
@Suite struct SecureIndexDeletionTests {
    @Test func grdbRunsOnTheBundledSQLite() throws {
        // Debian 12's libsqlite3 is 3.40: were GRDB's calls bound to it, this would fail.
        let version = try DatabaseQueue().read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") }
        let parts = try #require(version).split(separator: ".").compactMap { Int($0) }
        #expect(parts.count == 3)
        #expect(parts.lexicographicallyPrecedes([3, 42, 0]) == false, "linked SQLite \(version ?? "?")")
    }

    @Test func everyFullTextIndexOfANewArchiveDeletesInPlace() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let settings = try DatabaseQueue(path: archive.store.path).read { db in
            try ["interaction_fts", "attachment_name_fts"].map { index in
                try Int.fetchOne(db, sql: "SELECT v FROM \(index)_config WHERE k = 'secure-delete'")
            }
        }
        #expect(settings == [1, 1])
    }

    @Test func aRemovedRowLeavesNoTermInTheIndexWithoutARewriteOfTheIndex() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        // Separate writes: separate segments, so that only an in-place delete (not a merge of
        // everything) can take the removed row's term out.
        let run = try archive.store.beginImportRun(sourceKind: "mail", arguments: [])
        for (index, word) in ["Kvartsikello", "Zyxwvutsrq", "Tulppaani"].enumerated() {
            var message = email(ref: "m\(index)@example.fi", subject: "Viesti \(index)", body: "Sana \(word) tässä.")
            message.occurredAt = Date(timeIntervalSince1970: 1_500_000_000 + Double(index) * 86_400 * 400)
            let raw = Array("Subject: Viesti \(index)\n\nSana \(word)".utf8)
            let item = ImportItem.archive(IncomingOriginal(bytes: raw, position: SourcePosition(path: "/m/\(index)", offset: 0)), message)
            #expect(try archive.store.write([item], run: run) == [.archived])
        }
        let segmentsBefore = try segmentCount(archive.store.path)
        #expect(segmentsBefore == 3)
        let audit = AuditEntry(at: Date(), actor: "test", action: .retention, customers: [], request: "{}", resultCount: nil)
        let outcome = try archive.store.applyRetention(
            RetentionRule(cutoff: Date(timeIntervalSince1970: 1_500_000_000 + 86_400), kind: nil), dryRun: false, audit: audit)
        #expect(outcome.removed.interactions == 1)
        #expect(archive.store.truncateWriteAheadLog())
        let bytes = try Data(contentsOf: URL(fileURLWithPath: archive.store.path))
        #expect(bytes.range(of: Data("kvartsikello".utf8)) == nil)
        #expect(bytes.range(of: Data("Kvartsikello".utf8)) == nil)
        // The kept rows' own words are still there: the scan would see them.
        #expect(bytes.range(of: Data("Zyxwvutsrq".utf8)) != nil)
        #expect(try segmentCount(archive.store.path) >= 2, "the index was merged, not edited")
    }

    private func segmentCount(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM interaction_fts_idx") ?? 0
        }
    }
}
