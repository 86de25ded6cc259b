import Foundation
import GRDB
import Testing

@testable import Archive

/// A ranked search with conditions (a kind, a date range, a sender, a negated word) finds exactly
/// the text matches the conditions allow, in the same order, whether it starts from the
/// interactions the conditions pass or from the text matches (``RankedFilter``).
@Suite struct FilteredRankedSearchTests {
    /// Sixty e-mails and six tickets. E-mail `n`: from 2025 when `n` is even (else 2024); `lasku`
    /// in the subject when `n` is divisible by 3, in the body when by 4; sent by
    /// `harvinainen@koti.fi` when divisible by 10. Every ticket comment mentions `lasku`.
    struct Corpus {
        static let emails = 60
        static let tickets = 6

        static func year(_ n: Int) -> Int { n % 2 == 0 ? 2025 : 2024 }
        static func mentionsLasku(_ n: Int) -> Bool { n % 3 == 0 || n % 4 == 0 }
        static func sender(_ n: Int) -> String { n % 10 == 0 ? "harvinainen@koti.fi" : "asiakas\(n % 5)@koti.fi" }

        static func items() -> [ImportItem] {
            var items: [ImportItem] = (0..<emails).map { n in
                let subject = n % 3 == 0 ? "Lasku \(n)" : "Kysymys \(n)"
                let body = n % 4 == 0 ? "Laskussa on virhe, numero \(n)." : "Muuta asiaa, numero \(n)."
                let raw = Array("\(n) \(subject) \(body)".utf8)
                return .archive(
                    IncomingOriginal(bytes: raw, position: SourcePosition(path: "/mail/\(n)", offset: 0)),
                    NewInteraction(
                        kind: .email, sourceRef: "m\(n)@koti.fi", contentDigest: ContentDigest(of: raw),
                        occurredAt: date(year: year(n), day: n), subject: subject, body: body,
                        participants: [Participant(role: .from, name: nil, address: sender(n))],
                        attachments: [], references: [], defects: []))
            }
            for number in 1...tickets {
                let ticket = TicketInfo(
                    id: "T\(number)", subject: "Tiketti", status: "open", priority: nil, channel: "web", tags: [],
                    requesterName: nil, requesterEmail: nil, requesterPhone: nil, createdAt: nil, updatedAt: nil)
                let line = Array("{\"id\": \"T\(number)\"}".utf8)
                items.append(.archive(
                    IncomingOriginal(bytes: line, position: SourcePosition(path: "/helpdesk.jsonl", offset: Int64(number))),
                    [NewInteraction(
                        kind: .ticket, sourceRef: "T\(number)#1", contentDigest: ContentDigest(of: line),
                        occurredAt: date(year: 2025, day: number), subject: "Tiketti",
                        body: "Laskun summa on väärä.", participants: [], attachments: [], references: [], defects: [],
                        details: .ticketComment(TicketComment(ticket: ticket, number: 1, authorRole: "end-user", isPublic: true)))]))
            }
            return items
        }

        static func date(year: Int, day: Int) -> Date {
            var components = DateComponents(year: year, month: 1, day: 1 + day % 28, hour: 12)
            components.timeZone = TimeZone(identifier: "UTC")
            return Calendar(identifier: .gregorian).date(from: components) ?? Date(timeIntervalSince1970: 0)
        }

        static func start(ofYear year: Int) -> Date { date(year: year, day: 0).addingTimeInterval(-12 * 3600) }
    }

    /// The source refs a case must find, computed from the corpus's definition, and its plan.
    struct Case: CustomStringConvertible {
        var name: String
        var condition: SearchCondition
        var expected: Set<String>
        var description: String { name }
    }

    static var cases: [Case] {
        let emails = 0..<Corpus.emails
        let tickets = Set((1...Corpus.tickets).map { "T\($0)#1" })
        func refs(_ numbers: some Sequence<Int>) -> Set<String> { Set(numbers.map { "m\($0)@koti.fi" }) }
        let lasku = emails.filter(Corpus.mentionsLasku)
        return [
            Case(name: "kind:email", condition: .kind(.email), expected: refs(lasku)),
            Case(name: "kind:ticket", condition: .kind(.ticket), expected: tickets),
            Case(
                name: "date:2025", condition: .occurred(start: Corpus.start(ofYear: 2025), end: Corpus.start(ofYear: 2026)),
                expected: refs(lasku.filter { Corpus.year($0) == 2025 }).union(tickets)),
            Case(
                name: "from:harvinainen", condition: .participant(role: .from, value: "harvinainen@koti.fi"),
                expected: refs(lasku.filter { Corpus.sender($0) == "harvinainen@koti.fi" })),
            Case(
                name: "kind:email -virhe", condition: .all([.kind(.email), .none(.fullText("\"virhe\""))]),
                expected: refs(lasku.filter { $0 % 4 != 0 })),
            Case(
                name: "kind:ticket OR virhe", condition: .any([.kind(.ticket), .fullText("\"virhe\"")]),
                expected: refs(lasku.filter { $0 % 4 == 0 }).union(tickets)),
        ]
    }

    @Test(arguments: cases) func findsExactlyTheAllowedMatchesEitherWay(_ testCase: Case) throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let run = try archive.store.beginImportRun(sourceKind: "test", arguments: [])
        _ = try archive.store.write(Corpus.items(), run: run)

        let plan = SearchPlan(condition: testCase.condition, ranking: "\"lasku\"", limit: nil)
        let fromText = try archive.store.search(plan, timeLimit: nil, conditionDrivenLimit: 0)
        let fromConditions = try archive.store.search(plan, timeLimit: nil, conditionDrivenLimit: 1_000)
        #expect(Set(fromText.hits.map(\.sourceRef)) == testCase.expected)
        #expect(fromText.total == testCase.expected.count)
        #expect(fromConditions.total == testCase.expected.count)
        #expect(fromConditions.hits.map(\.interactionID) == fromText.hits.map(\.interactionID))
        #expect(fromConditions.hits.map(\.score) == fromText.hits.map(\.score))

        let page = try archive.store.search(
            SearchPlan(condition: testCase.condition, ranking: "\"lasku\"", limit: 3, offset: 1),
            timeLimit: nil, conditionDrivenLimit: 0)
        #expect(page.total == testCase.expected.count)
        #expect(page.hits.map(\.interactionID) == Array(fromText.hits.dropFirst().prefix(3).map(\.interactionID)))
    }

    @Test func choosesByHowManyInteractionsPassTheConditions() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let run = try archive.store.beginImportRun(sourceKind: "test", arguments: [])
        _ = try archive.store.write(Corpus.items(), run: run)
        let strategies = try archive.store.read { db in
            try [SearchCondition.kind(.ticket), .kind(.email)].map {
                try RankedFilter.choose(db, condition: SQLCondition($0), limit: Corpus.tickets)
            }
        }
        #expect(strategies == [.drivenByConditions, .drivenByText])
    }
}
