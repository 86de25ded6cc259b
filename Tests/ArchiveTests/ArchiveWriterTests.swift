import Archive
import Foundation
import Testing

@Suite struct ArchiveWriterTests {
    @Test func writingTheSameBatchTwiceAddsNothing() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let store = archive.store
        let run = try store.beginImportRun(sourceKind: "mail", arguments: ["x"])
        let raw = Array("Subject: Lasku\n\nHei".utf8)
        let batch: [ImportItem] = [
            .archive(IncomingOriginal(bytes: raw, position: SourcePosition(path: "/m/1", offset: 0)),
                     email(ref: "a@x", subject: "Lasku", body: "Hei")),
        ]
        #expect(try store.write(batch, run: run) == [.archived])
        #expect(try store.write(batch, run: run) == [.alreadyPresent])
        let counts = try store.counts()
        #expect(counts.interactions == 1)
        #expect(counts.originals == 1)
        #expect(counts.sourceLocations == 1)
        #expect(counts.indexedRows == 1)
    }

    @Test func sameBytesInTwoPlacesAreOneOriginalWithTwoLocations() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let store = archive.store
        let run = try store.beginImportRun(sourceKind: "mail", arguments: [])
        let raw = Array("Subject: Vika\n\nNetti ei toimi".utf8)
        let first = IncomingOriginal(bytes: raw, position: SourcePosition(path: "/maildir/cur/1", offset: 0))
        let second = IncomingOriginal(bytes: raw, position: SourcePosition(path: "/archive.mbox", offset: 1234))
        let outcomes = try store.write(
            [.archive(first, email(ref: "v@x", subject: "Vika", body: "Netti ei toimi")), .known(second)], run: run)
        #expect(outcomes == [.archived, .alreadyPresent])
        var locations: [SourcePosition] = []
        try store.forEachOriginal { locations += $0.locations }
        #expect(Set(locations) == [first.position, second.position])
        #expect(try store.counts().interactions == 1)
    }

    @Test func sameMessageIDWithDifferentBytesIsKeptTwiceAndLinked() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let store = archive.store
        let run = try store.beginImportRun(sourceKind: "mail", arguments: [])
        let a = IncomingOriginal(bytes: Array("Subject: A\n\n1".utf8), position: SourcePosition(path: "/a", offset: 0))
        let b = IncomingOriginal(bytes: Array("Subject: A\n\n2".utf8), position: SourcePosition(path: "/b", offset: 0))
        let outcomes = try store.write(
            [.archive(a, email(ref: "same@x", subject: "A", body: "1")), .archive(b, email(ref: "same@x", subject: "A", body: "2"))],
            run: run)
        #expect(outcomes == [.archived, .archived])
        let page = try store.search(SearchPlan(condition: nil, ranking: "\"A\"", limit: nil))
        #expect(page.total == 2)
        #expect(Set(page.hits.map(\.sourceRef)) == ["same@x"])
    }

    @Test func quarantineKeepsBytesAndReasonOnce() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let store = archive.store
        let run = try store.beginImportRun(sourceKind: "mail", arguments: [])
        let raw: [UInt8] = Array(repeating: 0x41, count: 300)
        let item = QuarantineItem(
            position: SourcePosition(path: "/bad.eml", offset: 0), reason: .messageTooLarge, detail: "too large",
            original: IncomingOriginal(bytes: raw, position: SourcePosition(path: "/bad.eml", offset: 0)))
        #expect(try store.write([.quarantine(item)], run: run) == [.quarantined(.messageTooLarge)])
        #expect(try store.write([.quarantine(item)], run: run) == [.quarantined(.messageTooLarge)])
        let entries = try store.quarantineEntries()
        #expect(entries.count == 1)
        #expect(entries.first?.reason == .messageTooLarge)
        #expect(entries.first?.position.path == "/bad.eml")
        let id = try #require(entries.first?.id)
        #expect(try store.quarantinedBytes(id: id) == raw)
    }

    @Test func repliesJoinTheirParentsThreadInEitherOrder() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let store = archive.store
        let run = try store.beginImportRun(sourceKind: "mail", arguments: [])
        func item(_ ref: String, _ refs: [String]) -> ImportItem {
            .archive(IncomingOriginal(bytes: Array(ref.utf8), position: SourcePosition(path: "/\(ref)", offset: 0)),
                     email(ref: ref, subject: "Re: lasku", body: ref, references: refs))
        }
        // The reply arrives first, then the root, then a reply to the reply.
        _ = try store.write([item("reply@x", ["root@x"]), item("root@x", []), item("reply2@x", ["root@x", "reply@x"])], run: run)
        #expect(Set(try store.threadMembers(of: "reply2@x")) == ["root@x", "reply@x", "reply2@x"])
        #expect(try store.threadMembers(of: "root@x").count == 3)
    }
}
