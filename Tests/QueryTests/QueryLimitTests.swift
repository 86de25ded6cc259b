import Foundation
@testable import Query
import Testing

/// The parser refuses queries over its limits with an error that names the limit and points at
/// where the query goes over it, and never recurses deeper than the depth limit, whatever the input.
@Suite struct QueryLimitTests {
    /// The query of the security review: 12,000 `(`, `x`, 12,000 `)`.
    static let reviewQuery = String(repeating: "(", count: 12_000) + "x" + String(repeating: ")", count: 12_000)

    /// A parser whose only active limit is the depth, to reach the nesting check at any size.
    static let depthOnly = QueryParser(limits: QueryLimits(maxBytes: .max, maxDepth: 20, maxTerms: .max, maxPrefixes: .max))

    func refusal(_ query: String, _ parser: QueryParser = QueryParser()) -> QuerySyntaxError? {
        do {
            _ = try parser.parse(query)
            return nil
        } catch {
            return error
        }
    }

    @Test func theReviewQueryIsRefusedForItsLength() throws {
        let error = try #require(refusal(Self.reviewQuery))
        #expect(error.limit == .length)
        #expect(error.position == QueryLimits.default.maxBytes)
        #expect(error.message.contains("24001 bytes"))
    }

    @Test func lengthCountsBytesAndPointsAtTheFirstCharacterPastTheLimit() throws {
        let parser = QueryParser(limits: QueryLimits(maxBytes: 10))
        #expect(try parser.parse("äkkösiä") == .text(TextTerm(.word("äkkösiä"))))  // 10 bytes
        let error = try #require(refusal("äkkösiää", parser))  // 12 bytes, 8 characters
        #expect(error.limit == .length)
        #expect(error.position == 7)
    }

    @Test(arguments: [
        String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000),
        String(repeating: "(", count: 100_000) + "x",
        String(repeating: "-", count: 100_000) + "x",
        String(repeating: "-(", count: 100_000) + "x" + String(repeating: ")", count: 100_000),
        String(repeating: "NOT ", count: 100_000) + "x",
        String(repeating: "(a OR ", count: 100_000) + "x",
    ])
    func hundredThousandLevelsAreRefusedAtTheFirstLevelTooDeep(query: String) throws {
        let error = try #require(refusal(query, Self.depthOnly))
        #expect(error.limit == .depth)
        let tokenStarts = query.enumerated().filter { "(-N".contains($0.element) }.map(\.offset)
        #expect(tokenStarts.contains(error.position))
        #expect(error.position > 0 && error.position < 8 * 21)
        // With the default limits the same query is refused before the parser reads it.
        #expect(refusal(query)?.limit == .length)
    }

    @Test func theDeepestAllowedNestingParses() throws {
        let depth = QueryLimits.default.maxDepth
        let parens = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
        #expect(try QueryParser().parse(parens) == .text(TextTerm(.word("x"))))
        #expect(refusal("(" + parens + ")")?.limit == .depth)
        #expect(refusal("(" + parens + ")")?.position == depth)
        let negations = String(repeating: "-", count: depth) + "x"
        let nested = (0..<depth).reduce(QueryNode.text(TextTerm(.word("x")))) { node, _ in .not(node) }
        #expect(try QueryParser().parse(negations) == nested)
        #expect(refusal("-" + negations)?.limit == .depth)
        #expect(refusal("-" + negations)?.position == depth)
    }

    @Test func termsCountWordsPhraseWordsAndFilters() throws {
        let maxTerms = QueryLimits.default.maxTerms
        let words = (0..<maxTerms).map { "sana\($0)" }
        #expect(try QueryParser().parse(words.joined(separator: " ")) == .and(words.map { .text(TextTerm(.word($0))) }))
        let over = words.joined(separator: " ") + " viimeinen"
        let error = try #require(refusal(over))
        #expect(error.limit == .terms)
        #expect(error.position == over.count - "viimeinen".count)
        // A phrase counts its words; filters count too.
        let phrase = "\"" + words.joined(separator: " ") + "\" kind:email"
        #expect(refusal(phrase)?.limit == .terms)
        #expect(refusal(String(repeating: "kind:email ", count: maxTerms + 1))?.limit == .terms)
        // The review's 2,000 repetitions are over the length limit already, and over the term limit without it.
        #expect(refusal(String(repeating: "lasku ", count: 2_000))?.limit == .length)
        #expect(refusal(String(repeating: "lasku ", count: 2_000), QueryParser(limits: QueryLimits(maxBytes: .max)))?.limit == .terms)
    }

    @Test func prefixesHaveTheirOwnLimit() throws {
        let maxPrefixes = QueryLimits.default.maxPrefixes
        let prefixes = (0..<maxPrefixes).map { "la\($0)*" }
        let expected = QueryNode.and((0..<maxPrefixes).map { .text(TextTerm(.prefix("la\($0)"))) })
        #expect(try QueryParser().parse(prefixes.joined(separator: " ")) == expected)
        let error = try #require(refusal((prefixes + ["lo*"]).joined(separator: " ")))
        #expect(error.limit == .prefixes)
    }

    @Test func malformedQueriesHaveNoLimit() throws {
        #expect(try #require(refusal("(lasku")).limit == nil)
    }

    @Test func thePointerOfALongQueryShowsTheStretchAroundThePosition() throws {
        let error = try #require(refusal(Self.reviewQuery))
        let lines = error.pointer.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.count < 100 })
        #expect(lines[0].hasPrefix("  …(") && lines[0].hasSuffix("(…"))
        #expect(lines[1].hasSuffix("^") && lines[1].count == 2 + 1 + QuerySyntaxError.pointerContext + 1)
        // A short query is shown whole, the caret under the position.
        let short = try #require(refusal("lasku )"))
        #expect(short.pointer == "  lasku )\n        ^")
    }
}
