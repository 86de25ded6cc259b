import Testing

@testable import Archive

/// LIKE patterns built from user text take `%`, `_` and `\` literally, also when a combining mark
/// follows them (one Swift character, but SQLite reads the wildcard; found by tools/fuzz).
@Suite struct LikeEscapingTests {
    @Test func wildcardsAreEscapedScalarByScalar() {
        #expect(SQLCondition.escapeLike("m%a_i\\") == "m\\%a\\_i\\\\")
        #expect(SQLCondition.escapeLike("%\u{301}x") == "\\%\u{301}x")
        #expect(SQLCondition.escapeLike("_\u{308}") == "\\_\u{308}")
        #expect(SQLCondition.escapeLike("äiti@koti.fi") == "äiti@koti.fi")
    }
}
