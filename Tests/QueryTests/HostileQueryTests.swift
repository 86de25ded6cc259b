import Archive
import Foundation
import Query
import Testing

/// Whatever an agent types, the archive answers or the parser explains; SQLite and FTS5 never
/// see syntax they reject.
@Suite struct HostileQueryTests {
    static let hostile = [
        "\"", "\"\"", "\"lasku", "lasku\"", "NEAR(", "NEAR(lasku vika, 2)", "*", "**", "lasku**", "-", "--", "- -lasku",
        "(", ")", "(()", "lasku OR", "OR", "AND", "NOT", "lasku AND NOT vika", "a:b", "subject:", "subject:\"",
        "'; DROP TABLE interaction; --", "lasku' OR '1'='1", "1=1", "x\" OR rowid>0 --", "{subject}: lasku",
        "subject : lasku", "^lasku", "lasku^2", "+lasku", "lasku + vika", "\u{0}", "lasku\u{0}vika", "😀", "%", "_",
        "from:%", "from:_@x", "to:'", "date:..", "date:2025..2024", "kind:", "=", "=\"\"", "= lasku", "\\", "lasku\\",
        String(repeating: "(", count: 500), String(repeating: "lasku ", count: 300), "-lasku -vika",
        String(repeating: "(", count: 12_000) + "x" + String(repeating: ")", count: 12_000), String(repeating: "-", count: 100_000) + "x",
        String(repeating: "(", count: 21) + "lasku" + String(repeating: ")", count: 21), String(repeating: "lasku* ", count: 9),
        "from:maija@example.fi -from:maija@example.fi", "(lasku OR vika) -(katkos OR hyvitys)",
        // A quote carrying a combining mark (found by tools/fuzz query): one character, still a quote.
        QuotingTests.fuzzCrasher, "lasku\"\u{301}", "\"\u{301}lasku OR vika", "subject:\"\u{301}", "=\"\u{301}x",
        "lasku\"\u{301} OR \"\u{301}*",
    ]

    @Test(arguments: hostile)
    func neverAnSQLOrFTS5Error(query: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ArchiveStore(path: folder.appendingPathComponent("a.sqlite").path)
        let run = try store.beginImportRun(sourceKind: "test", arguments: [])
        let raw = Array("Subject: lasku\n\nvika".utf8)
        _ = try store.write([
            .archive(
                IncomingOriginal(bytes: raw, position: SourcePosition(path: "/x", offset: 0)),
                NewInteraction(
                    kind: .email, sourceRef: "x@y", contentDigest: ContentDigest(of: raw), occurredAt: nil, subject: "lasku", body: "vika katkos",
                    participants: [Participant(role: .from, name: "Maija", address: "maija@example.fi")],
                    attachments: [], references: [], defects: [])),
        ], run: run)

        do {
            _ = try Search(archive: store).run(query, limit: 5)
        } catch .syntax(let error) {
            #expect(error.position >= 0 && error.position <= query.count)
        } catch .stopped(let stop) {
            Issue.record("query \(query.debugDescription) was stopped: \(stop)")
        } catch .archive(let error) {
            Issue.record("query \(query.debugDescription) reached the database as an error: \(error)")
        }
    }
}
