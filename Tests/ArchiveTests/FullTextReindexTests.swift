import FinnishText
import Foundation
import GRDB
import Testing
@testable import Archive

/// An archive indexed by an earlier analyzer gets its index rebuilt by the migration, so old terms
/// neither keep matching nor stay behind when a row is deleted.
@Suite struct FullTextReindexTests {
    @Test func rowsIndexedWithEarlierTermsAreReindexed() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let store = archive.store
        // As the previous analyzer indexed `lähdekoodin`: its modifier `lähde` as a base form.
        var interaction = email(ref: "old@example.fi", subject: "", body: "lähdekoodin")
        let old = Self.stream(text: "lähdekoodin", terms: ["lähdekoodin", "\u{1}lähdekoodi", "\u{1}lähde", "\u{1}koodi"])
        interaction.indexedText = IndexedText(
            subject: Self.stream(text: "", terms: []), body: old,
            participants: Self.stream(text: interaction.participantsText, terms: []),
            attachmentText: Self.stream(text: "", terms: []))
        let run = try store.beginImportRun(sourceKind: "mail", arguments: [])
        _ = try store.write([.archive(IncomingOriginal(bytes: Array("x".utf8), position: SourcePosition(path: "/m/1", offset: 0)), interaction)], run: run)
        #expect(try Self.bodyTerms(store).contains("\u{1}lähde"))

        // Opened by this version as if for the first time since: the migration runs.
        try store.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [FullTextReindex.compoundHeadsMigration])
        }
        let reopened = try ArchiveStore(path: store.path)
        let terms = try Self.bodyTerms(reopened)
        #expect(!terms.contains("\u{1}lähde"))
        #expect(terms.isSuperset(of: ["lähdekoodin", "\u{1}lähdekoodi", "\u{1}koodi", "\u{3}lähde"]))
        #expect(try reopened.integrityProblems() == [])
    }

    @Test func anIndexOfAnotherTokenizerIsLeftAlone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ArchiveStore(path: folder.appendingPathComponent("s.sqlite").path, tokenizer: .snowball)
        #expect(try store.indexTokenizer() == .snowball)
        try store.write { db in try FullTextReindex.rebuildIfFinnish(db) }
        #expect(try store.integrityProblems() == [])
    }

    /// A stream of `terms` all at the start of `text`, the first at its own position.
    private static func stream(text: String, terms: [String]) -> TokenStream {
        var writer = TokenStreamFormat.Writer(textLength: text.utf8.count)
        for (index, term) in terms.enumerated() {
            var term = term
            term.withUTF8 { writer.append(term: $0, range: 0..<text.utf8.count, colocated: index > 0) }
        }
        return TokenStream(encoded: writer.finish())
    }

    private static func bodyTerms(_ store: ArchiveStore) throws -> Set<String> {
        try store.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.reindex_vocab USING fts5vocab(main, interaction_fts, 'instance')")
            return Set(try String.fetchAll(db, sql: "SELECT term FROM temp.reindex_vocab WHERE col = 'body'"))
        }
    }
}
