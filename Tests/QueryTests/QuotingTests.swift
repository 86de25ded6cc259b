@testable import Query
import Testing

/// A `"` followed by a combining mark is one Swift character that is not `"`, yet FTS5 and browsers
/// read its quote. Found by `tools/fuzz query` (the planner's FTS5 string was left unterminated).
@Suite struct QuotingTests {
    /// The fuzz crasher: `c NUL "` + U+0613 (a combining mark) + `NOT NUL NUL -0 NUL 5`.
    static let fuzzCrasher = String(
        decoding: [0x63, 0x00, 0x22, 0xD8, 0x93, 0x4E, 0x4F, 0x54, 0x00, 0x00, 0x2D, 0x30, 0x00, 0x35] as [UInt8],
        as: UTF8.self)

    @Test func fts5StringsDoubleAQuoteThatCarriesACombiningMark() {
        #expect(FullTextExpression.quoted("a\"\u{301}b").unicodeScalars.elementsEqual("\"a\"\"\u{301}b\"".unicodeScalars))
        #expect(FullTextExpression.quoted("\"\"").unicodeScalars.elementsEqual("\"\"\"\"\"\"".unicodeScalars))
    }

    @Test func theCrasherPlansToQuotedTermsOnly() throws {
        let node = try QueryParser().parse(Self.fuzzCrasher)
        let ranking = try #require(SearchPlanner().plan(node, limit: 5, offset: 0).ranking)
        // Every quote of the expression belongs to a term's quoting: an even number, none left open.
        #expect(ranking.unicodeScalars.filter { $0 == "\"" }.count % 2 == 0)
        #expect(ranking.unicodeScalars.elementsEqual("\"c\" AND \"\"\"\u{613}NOT\" AND \"5\" NOT \"0\"".unicodeScalars))
    }

    @Test func htmlEscapingSeesAQuoteThatCarriesACombiningMark() {
        let escaped = HTMLEscape.text("x\"\u{301} autofocus onfocus=y '\u{301}<\u{338}&\u{301}")
        #expect(escaped.unicodeScalars.elementsEqual(
            "x&quot;\u{301} autofocus onfocus=y &#39;\u{301}&lt;\u{338}&amp;\u{301}".unicodeScalars))
    }
}
