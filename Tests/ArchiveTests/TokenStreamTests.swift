@testable import Archive
import FinnishText
import Foundation
import GRDB
import Testing

/// Token streams: the `finnish` tokenizer's tokens analysed ahead of the writer and replayed.
@Suite struct TokenStreamTests {
    private static let texts = [
        "",
        "Puhelinlaskussa on virhe: EU:n roaming-maksu 12,50 € laskutettiin kahdesti.",
        "Zyxelin reititin ei toimi. Asiakasnumero AS-1234567, puh. 040 123 4567.",
        "Maija Meikäläinen <maija@example.fi>; asiakaspalvelu@esimerkkiverkko.fi",
        "lasku.pdf\nLASKU 03/2025 — erääntyy 15.3.2025\n\nliite.txt",
        String(repeating: "Hyvää päivää! Laskusta puuttuu hyvitys. ", count: 200),
    ]

    @Test func aStreamHoldsExactlyTheTokensOfAnalysingItsText() throws {
        let analyzer = try FinnishAnalyzer()
        for text in Self.texts {
            var expected: [(String, Range<Int>, Bool)] = []
            analyzer.analyzeDocument(text) { expected.append(($0, $1, $2)) }
            let stream = TokenStream(analyzing: text, using: analyzer)
            let replayed = try stream.tokens().map { (String(decoding: $0.term, as: UTF8.self), $0.range, $0.colocated) }
            #expect(replayed.count == expected.count)
            #expect(zip(replayed, expected).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 && $0.2 == $1.2 })
            #expect(stream.textLength == text.utf8.count)
            #expect(stream.encoded.first == TokenStreamFormat.marker)
        }
    }

    @Test func noTextCanStartLikeAStream() {
        // A String is valid UTF-8, where 0xFF never occurs: even decoded from stream bytes, it
        // holds replacement characters instead, and is analysed as text.
        let bytes: [UInt8] = [TokenStreamFormat.marker, TokenStreamFormat.version, 0x03, 0x41, 0x42]
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.utf8.first != TokenStreamFormat.marker)
        #expect(!text.utf8.contains(TokenStreamFormat.marker))
        for sample in Self.texts + [text, "\u{FFFF}", "\u{10FFFF}x", "ÿ"] {
            let isStream = Array(sample.utf8).withUnsafeBufferPointer { TokenStreamFormat.isStream($0) }
            #expect(!isStream)
        }
    }

    @Test func aCorruptOrTruncatedStreamIsAnErrorNotACrash() throws {
        let analyzer = try FinnishAnalyzer()
        let good = TokenStream(analyzing: "Puhelinlaskussa on virhe, laskutettiin kahdesti.", using: analyzer).encoded
        // Every truncation decodes to an error or to fewer tokens, never past the end.
        for length in 0..<good.count {
            let cut = TokenStream(encoded: Array(good[..<length]))
            do {
                let tokens = try cut.tokens()
                #expect(tokens.count < (try TokenStream(encoded: good).tokens()).count)
            } catch {
                #expect(length < good.count)
            }
        }
        #expect(throws: TokenStreamError.notAStream) { try TokenStream(encoded: []).tokens() }
        #expect(throws: TokenStreamError.truncated(at: 1)) { try TokenStream(encoded: [0xFF]).tokens() }
        #expect(throws: TokenStreamError.unknownFormat(9)) { try TokenStream(encoded: [0xFF, 9, 0]).tokens() }
        // A term longer than what is left, a range beyond the text, a runaway varint.
        #expect(throws: TokenStreamError.truncated(at: 6)) { try TokenStream(encoded: [0xFF, 1, 5, 40, 0, 2]).tokens() }
        #expect(throws: TokenStreamError.invalidRange(at: 3)) { try TokenStream(encoded: [0xFF, 1, 2, 4, 0, 3, 0x61]).tokens() }
        #expect(throws: TokenStreamError.invalidRange(at: 3)) { try TokenStream(encoded: [0xFF, 1, 2, 6, 0x61]).tokens() }
        #expect(throws: TokenStreamError.invalidLength(at: 3)) {
            try TokenStream(encoded: [0xFF, 1, 2] + [UInt8](repeating: 0xFF, count: 11) + [1]).tokens()
        }
        // Random damage: decoding ends, with or without an error.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var damaged = good
            for _ in 0..<3 { damaged[Int.random(in: 2..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            _ = try? TokenStream(encoded: damaged).tokens()
        }
    }

    @Test func theIndexTakesAStreamBoundAsABlobAsItsBytes() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let analyzer = try FinnishAnalyzer()
        // The stream of another text than the row's: the index holds the stream's words, so the
        // tokenizer got the BLOB's bytes (sqlite3_value_text on a blob), not a text conversion.
        let stream = TokenStream(analyzing: "kissa", using: analyzer)
        try archive.store.write { db in
            try db.execute(sql: "INSERT INTO interaction_fts (rowid, subject, body, participants, attachment_text) VALUES (7, ?, '', '', '')",
                           arguments: [stream.databaseValue])
            #expect(try String.fetchOne(db, sql: "SELECT typeof(?)", arguments: [stream.databaseValue]) == "blob")
        }
        let terms = try archive.store.indexTerms(rowid: 7)
        let expected = Set(try stream.tokens().map { String(decoding: $0.term, as: UTF8.self) })
        #expect(!expected.isEmpty)
        #expect(Set(terms.map(\.term)) == expected)
        #expect(terms.allSatisfy { $0.column == "subject" && $0.offset == 0 })
    }

    @Test func writingWithStreamsIndexesExactlyWhatWritingTheTextsDoes() throws {
        let analyzer = try FinnishAnalyzer()
        var fingerprints: [ArchiveFingerprint] = []
        for prepared in [false, true] {
            let archive = try TemporaryArchive()
            defer { archive.remove() }
            let run = try archive.store.beginImportRun(sourceKind: "mail", arguments: [])
            let items = Self.texts.enumerated().map { index, text in
                var interaction = Self.interaction(index, text)
                if prepared { interaction.prepareIndexedText(using: analyzer) }
                #expect((interaction.indexedText != nil) == prepared)
                return ImportItem.archive(Self.original(index), interaction)
            }
            _ = try archive.store.write(items, run: run)
            fingerprints.append(try archive.store.fingerprint())
        }
        #expect(fingerprints[0].indexIntegrity == "ok")
        #expect(fingerprints[0].indexTerms > 50)
        #expect(fingerprints[0] == fingerprints[1])
    }

    @Test func deletingThroughTheTextRemovesWhatAStreamInserted() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let analyzer = try FinnishAnalyzer()
        let run = try archive.store.beginImportRun(sourceKind: "mail", arguments: [])
        let items = Self.texts.enumerated().map { index, text in
            var interaction = Self.interaction(index, text)
            // Odd ones prepared, even ones analysed by the writer; the old ones are removed.
            if index % 2 == 1 { interaction.prepareIndexedText(using: analyzer) }
            interaction.occurredAt = Date(timeIntervalSince1970: index < 3 ? 1_000_000_000 : 1_700_000_000)
            return ImportItem.archive(Self.original(index), interaction)
        }
        _ = try archive.store.write(items, run: run)
        #expect(try archive.store.integrityProblems() == [])

        let outcome = try archive.store.applyRetention(
            RetentionRule(cutoff: Date(timeIntervalSince1970: 1_500_000_000), kind: nil), dryRun: false,
            audit: AuditEntry(at: Date(), actor: "test", action: .retention, customers: [], request: "test", resultCount: nil))
        #expect(outcome.removed.interactions == 3)
        #expect(try archive.store.integrityProblems() == [])
        let remaining = try archive.store.write { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM interaction ORDER BY id")
        }
        #expect(remaining.count == 3)
        // What is left in the index is exactly the remaining rows analysed from their texts.
        let rebuilt = try TemporaryArchive()
        defer { rebuilt.remove() }
        let rerun = try rebuilt.store.beginImportRun(sourceKind: "mail", arguments: [])
        _ = try rebuilt.store.write(Self.texts.enumerated().dropFirst(3).map { index, text in
            ImportItem.archive(Self.original(index), Self.interaction(index, text))
        }, run: rerun)
        #expect(try archive.store.fingerprint().indexDigest == rebuilt.store.fingerprint().indexDigest)
    }

    @Test func aCorruptStreamFailsTheWriteAndLeavesTheArchiveAsItWas() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let analyzer = try FinnishAnalyzer()
        let run = try archive.store.beginImportRun(sourceKind: "mail", arguments: [])
        _ = try archive.store.write([.archive(Self.original(0), Self.interaction(0, "Ensimmäinen viesti"))], run: run)
        let before = try archive.store.fingerprint()

        var broken = Self.interaction(1, "Laskussa on virhe")
        broken.prepareIndexedText(using: analyzer)
        let body = try #require(broken.indexedText?.body.encoded)
        broken.indexedText?.body = TokenStream(encoded: Array(body.dropLast(2)))
        #expect(throws: ArchiveError.self) { try archive.store.write([.archive(Self.original(1), broken)], run: run) }
        #expect(try archive.store.fingerprint() == before)
    }

    @Test func changingATextDropsItsPreparedStreams() throws {
        let analyzer = try FinnishAnalyzer()
        var interaction = Self.interaction(0, "Laskussa on virhe")
        interaction.prepareIndexedText(using: analyzer)
        #expect(interaction.indexedText != nil)
        interaction.body += " ja toinenkin"
        #expect(interaction.indexedText == nil)
        interaction.prepareIndexedText(using: analyzer)
        interaction.participants.append(Participant(role: .cc, name: nil, address: "x@example.fi"))
        #expect(interaction.indexedText == nil)
        interaction.prepareIndexedText(using: analyzer)
        interaction.defects = ["x"]  // not indexed: the streams stay
        #expect(interaction.indexedText != nil)
    }

    @Test func anArchiveWithAnotherTokenizerIgnoresStreams() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ArchiveStore(path: folder.appendingPathComponent("u.sqlite").path, tokenizer: .unicode61)
        #expect(try store.indexTokenizer() == .unicode61)
        let analyzer = try FinnishAnalyzer()
        var interaction = Self.interaction(0, "Koira haukkuu")
        interaction.prepareIndexedText(using: analyzer)
        let run = try store.beginImportRun(sourceKind: "mail", arguments: [])
        _ = try store.write([.archive(Self.original(0), interaction)], run: run)
        #expect(try store.integrityProblems() == [])
        let terms = Set(try store.indexTerms(rowid: 1).map(\.term))
        #expect(terms.contains("koira") && terms.contains("haukkuu"))

        let finnish = try TemporaryArchive()
        defer { finnish.remove() }
        #expect(try finnish.store.indexTokenizer() == .finnish)
    }

    // MARK: Support

    private static func interaction(_ index: Int, _ text: String) -> NewInteraction {
        NewInteraction(
            kind: .email, sourceRef: "m\(index)@example.fi", contentDigest: ContentDigest(of: Array("\(index)\(text)".utf8)),
            occurredAt: Date(timeIntervalSince1970: 1_700_000_000), subject: "Lasku \(index): \(text.prefix(40))",
            body: text,
            participants: [
                Participant(role: .from, name: "Maija Meikäläinen", address: "maija@example.fi"),
                Participant(role: .to, name: nil, address: "asiakaspalvelu@esimerkkiverkko.fi"),
            ],
            attachments: index % 2 == 0 ? [] : [
                NewAttachment(filename: "lasku-\(index).txt", contentType: "text/plain", size: text.utf8.count,
                              digest: ContentDigest(of: Array(text.utf8)), text: "Liitteenä erittely: \(text.prefix(80))"),
            ],
            references: [], defects: [])
    }

    private static func original(_ index: Int) -> IncomingOriginal {
        IncomingOriginal(bytes: Array("Message-ID: <m\(index)@example.fi>\n\nviesti \(index)".utf8),
                         position: SourcePosition(path: "/maildir/\(index)", offset: 0))
    }
}

extension ArchiveStore {
    /// The index entries of one row, from the `fts5vocab` instance table.
    fileprivate func indexTerms(rowid: Int64) throws -> [(term: String, column: String, offset: Int)] {
        try write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.test_vocab USING fts5vocab(main, interaction_fts, 'instance')")
            return try Row.fetchAll(db, sql: "SELECT term, col, offset FROM temp.test_vocab WHERE doc = ?", arguments: [rowid])
                .map { (term: $0[0], column: $0[1], offset: $0[2]) }
        }
    }
}
