import Archive
import Foundation
@testable import Query
import Testing

/// Queries built to be expensive, through the Query API on a small real archive: each is refused
/// with a clear error or answered; none reaches SQLite's own limits raw, and none runs unbounded.
@Suite struct QueryCostTests {
    /// An archive of `count` short e-mails about invoices, and one helpdesk comment whose ticket is
    /// tagged `markki`, `reklamaatio` and `50%`; its sender is an agent of the company's own domain
    /// signing as "Tuki / Laskutus".
    struct Archive {
        let folder: URL
        let store: ArchiveStore

        init(emails count: Int = 24) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-cost-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            store = try ArchiveStore(path: folder.appendingPathComponent("a.sqlite").path)
            try store.setOwnDomains(["operaattori.fi"])
            let run = try store.beginImportRun(sourceKind: "test", arguments: [])
            var items: [ImportItem] = (0..<count).map { number in
                let raw = Array("Subject: lasku \(number)\n\nlaskussa on virhe \(number)".utf8)
                return .archive(
                    IncomingOriginal(bytes: raw, position: SourcePosition(path: "/mail/\(number)", offset: 0)),
                    NewInteraction(
                        kind: .email, sourceRef: "m\(number)@koti.fi", contentDigest: ContentDigest(of: raw),
                        occurredAt: Date(timeIntervalSince1970: 1_735_000_000 + Double(number) * 60), subject: "Lasku \(number)",
                        body: "Laskussa on virhe, lasku \(number) on väärin.",
                        participants: [Participant(role: .from, name: "Maija Virtanen", address: "maija.virtanen@koti.fi")],
                        attachments: [], references: [], defects: [], mentions: []))
            }
            let ticket = TicketInfo(
                id: "500", subject: "Markkinointi", status: "open", priority: nil, channel: "web",
                tags: ["markki", "reklamaatio", "50%"], requesterName: "Maija Virtanen", requesterEmail: "maija.virtanen@koti.fi",
                requesterPhone: nil, createdAt: nil, updatedAt: nil)
            let line = Array(#"{"id": 500}"#.utf8)
            items.append(.archive(
                IncomingOriginal(bytes: line, position: SourcePosition(path: "/helpdesk/tickets.jsonl", offset: 0)),
                [NewInteraction(
                    kind: .ticket, sourceRef: "500#1", contentDigest: ContentDigest(of: line), occurredAt: nil,
                    direction: .outbound, subject: "Markkinointi", body: "Lasku korjataan.",
                    participants: [Participant(role: .from, name: "Tuki / Laskutus", address: "tuki@operaattori.fi")],
                    attachments: [], references: [], defects: [], mentions: [],
                    details: .ticketComment(TicketComment(ticket: ticket, number: 1, authorRole: "agent", isPublic: true)))]))
            _ = try store.write(items, run: run)
        }

        func remove() {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    enum Outcome: Equatable {
        case answered(total: Int)
        case refused(QueryLimit?)
        case stopped(SearchStop)
        case failed(String)
    }

    func outcome(_ query: String, _ search: Search) -> Outcome {
        do {
            return .answered(total: try search.run(query, limit: 20).total)
        } catch {
            switch error {
            case .syntax(let syntax): return .refused(syntax.limit)
            case .stopped(let stop): return .stopped(stop)
            case .archive(let archive): return .failed("\(archive)")
            }
        }
    }

    @Test func theReviewQueryIsRefusedNotRun() throws {
        let archive = try Archive()
        defer { archive.remove() }
        let search = Search(archive: archive.store)
        #expect(outcome(QueryLimitTests.reviewQuery, search) == .refused(.length))
        let deep = String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)
        let unlimitedLength = Search(archive: archive.store, limits: QueryLimits(maxBytes: .max))
        #expect(outcome(deep, unlimitedLength) == .refused(.depth))
    }

    @Test func aWordRepeatedThousandsOfTimesIsRefusedAndWithinTheLimitAnsweredAsOnce() throws {
        let archive = try Archive()
        defer { archive.remove() }
        let search = Search(archive: archive.store)
        #expect(outcome(String(repeating: "lasku ", count: 2_000), search) == .refused(.length))
        let unlimitedLength = Search(archive: archive.store, limits: QueryLimits(maxBytes: .max))
        #expect(outcome(String(repeating: "lasku ", count: 2_000), unlimitedLength) == .refused(.terms))
        let once = outcome("lasku", search)
        #expect(once == .answered(total: 25))
        #expect(outcome(String(repeating: "lasku ", count: QueryLimits.default.maxTerms), search) == once)
        #expect(outcome(Array(repeating: "lasku", count: QueryLimits.default.maxTerms).joined(separator: " OR "), search) == once)
    }

    /// The deepest nesting the limits allow, mixing filters, text and exclusions so that it becomes
    /// nested SQL rather than one FTS5 expression, stays within SQLite's parser.
    @Test func theDeepestAllowedNestingOfFiltersRuns() throws {
        let archive = try Archive()
        defer { archive.remove() }
        // Each step nests one level deeper: a group with a filter, an alternative, an exclusion.
        var deepest = "(from:maija OR lasku*)"
        for level in 1..<QueryLimits.default.maxDepth {
            switch level % 3 {
            case 0: deepest = "(kind:email \(deepest))"
            case 1: deepest = "(to:nobody@x.fi OR \(deepest))"
            default: deepest = "-\(deepest)"
            }
        }
        let search = Search(archive: archive.store)
        #expect(outcome(deepest, search) != .refused(.depth))
        guard case .answered = outcome(deepest, search) else {
            Issue.record("\(deepest): \(outcome(deepest, search))")
            return
        }
        #expect(outcome("(" + deepest + ")", search) == .refused(.depth))
    }

    /// Words Voikko does not know, full of a and o (each has up to 255 ä/ö readings to check), next
    /// to one that matches: FTS5 tokenizes the query for the count, the page and each row's
    /// snippet; the tokenizer answers the repeats from its cache, with the same terms.
    @Test func unknownWordsWithManyReadingsAreAnsweredWithSnippets() throws {
        let archive = try Archive()
        defer { archive.remove() }
        let unknown = (0..<(QueryLimits.default.maxTerms - 1)).map { number in
            "oakoamoasoatoa" + String(repeating: "o", count: number % 5) + "ak" + String(number, radix: 26)
        }
        let query = (unknown + ["lasku"]).joined(separator: " OR ")
        let search = Search(archive: archive.store, timeLimit: nil)
        for _ in 0..<2 {
            let page = try search.run(query, limit: 20)
            #expect(page.total == 25)
            #expect(page.hits.count == 20)
            #expect(page.hits.allSatisfy { $0.snippet.contains(SearchHit.highlightStart) })
        }
    }

    @Test func theMostFiltersAllowedRun() throws {
        let archive = try Archive()
        defer { archive.remove() }
        let search = Search(archive: archive.store)
        let filters = (0..<QueryLimits.default.maxTerms).map { "to:someone\($0)@x.fi" }
        #expect(outcome(filters.joined(separator: " OR "), search) == .answered(total: 0))
        #expect(outcome(filters.map { "-\($0)" }.joined(separator: " "), search) == .answered(total: 25))
    }

    /// Past the query limits, SQLite's own refusals ("parser stack overflow", "Expression tree is
    /// too large") come back as a clear stop, never as an archive failure.
    @Test func sqliteSizeRefusalsAreAClearStop() throws {
        let archive = try Archive()
        defer { archive.remove() }
        let unlimited = Search(archive: archive.store, limits: QueryLimits(maxBytes: .max, maxDepth: 400, maxTerms: .max, maxPrefixes: .max))
        // SQLite 3.46 and later grow the parser's stack, so nesting alone no longer overflows it:
        // 300 levels are answered, as the same filters once.
        let nested = String(repeating: "(kind:email ", count: 300) + "from:maija" + String(repeating: ")", count: 300)
        let flat = outcome("kind:email from:maija", unlimited)
        guard case .answered(let total) = flat, total > 0 else {
            Issue.record("the flat query should match, got \(flat)")
            return
        }
        #expect(outcome(nested, unlimited) == flat)
        // 2,000 alternatives pass SQLite's expression depth limit (1,000).
        let wide = (0..<2_000).map { "from:someone\($0)@x.fi" }.joined(separator: " OR ")
        for query in [wide] {
            let result = outcome(query, unlimited)
            guard case .stopped(.tooComplex(let reason)) = result else {
                Issue.record("expected a stop for its size, got \(result)")
                continue
            }
            // SQLite's words stay in the log; the user reads what to do.
            let message = "\(SearchError.stopped(.tooComplex(reason)))"
            #expect(!message.contains(reason) && message.contains("fewer words"))
        }
        // Without the term limit, a word 2,000 times is still answered, as the word once.
        #expect(outcome(String(repeating: "lasku ", count: 2_000), unlimited) == .answered(total: 25))
    }

    @Test func aSearchPastItsTimeLimitIsStoppedAndTheReaderStaysUsable() throws {
        let archive = try Archive(emails: 1_000)
        defer { archive.remove() }
        let expired = Search(archive: archive.store, timeLimit: .zero)
        for query in ["lasku", "from:maija", "lasku kind:email"] {
            #expect(outcome(query, expired) == .stopped(.timeLimit(.zero)), "\(query)")
        }
        let message = "\(SearchError.stopped(.timeLimit(.seconds(10))))"
        #expect(message.contains("took longer than 10 s"))
        // Every reader of the pool answers again, without a limit and within a generous one.
        for search in [Search(archive: archive.store, timeLimit: nil), Search(archive: archive.store)] {
            for _ in 0..<4 {
                #expect(outcome("lasku", search) == .answered(total: 1_001))
            }
        }
    }

    @Test func tagsAreComparedExactlyNotAsPatterns() throws {
        let archive = try Archive()
        defer { archive.remove() }
        let search = Search(archive: archive.store)
        #expect(outcome("tag:markki", search) == .answered(total: 1))
        #expect(outcome("tag:MARKKI", search) == .answered(total: 1))
        #expect(outcome("tag:50%", search) == .answered(total: 1))
        for pattern in ["tag:%", "tag:m_rkki", "tag:m%", "tag:_", "tag:%markki", "tag:markki%", "tag:rekla%"] {
            #expect(outcome(pattern, search) == .answered(total: 0), "\(pattern)")
        }
    }

    @Test func participantFiltersTakeWildcardsLiterally() throws {
        let archive = try Archive()
        defer { archive.remove() }
        let search = Search(archive: archive.store)
        #expect(outcome("from:maija", search) == .answered(total: 24))
        #expect(outcome("from:@koti.fi", search) == .answered(total: 24))
        for pattern in ["from:%", "from:_aija", "from:@%", "from:@k_ti.fi", "from:m%"] {
            #expect(outcome(pattern, search) == .answered(total: 0), "\(pattern)")
        }
    }

    @Test func staffNamesAreComparedExactlyNotAsPatterns() throws {
        let archive = try Archive()
        defer { archive.remove() }
        #expect(try archive.store.isStaffName("Tuki", ownDomains: ["operaattori.fi"]))
        #expect(try archive.store.isStaffName("Tuki / Laskutus", ownDomains: ["operaattori.fi"]))
        for pattern in ["%", "T%", "_uki", "Tuk_"] {
            #expect(try !archive.store.isStaffName(pattern, ownDomains: ["operaattori.fi"]), "\(pattern)")
        }
    }
}
