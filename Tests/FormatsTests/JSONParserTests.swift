import Testing

@testable import Formats

@Suite("JSON lines")
struct JSONParserTests {
    private func parse(_ text: String) throws(JSONParser.Failure) -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func parsesValuesAndKeepsNumbersAsWritten() throws {
        let value = try parse(#"{"a": [1, -2.5e3, 9007199254740993], "b": {"c": null, "d": true}, "e": "x\"\\\/\n\u00e4\ud83d\ude4f"}"#)
        #expect(value["a"] == .array([.number("1"), .number("-2.5e3"), .number("9007199254740993")]))
        #expect(value["b"]?["c"] == .null)
        #expect(value["b"]?["d"] == .bool(true))
        #expect(value["e"] == .string("x\"\\/\nä🙏"))
        #expect(try parse(#""\ud800x""#) == .string("\u{FFFD}x"))
    }

    @Test func reportsWhereTheTextGoesWrong() {
        #expect(throws: JSONParser.Failure.self) { try parse(#"{"a": 1"#) }
        #expect(throws: JSONParser.Failure.self) { try parse(#"{"a": 01}"#) }
        #expect(throws: JSONParser.Failure.self) { try parse(#"{"a": 1} x"#) }
        #expect(throws: JSONParser.Failure.self) { try parse(#"{"a": tru}"#) }
        do {
            _ = try parse(#"{"a": 1 "b": 2}"#)
        } catch {
            #expect(error.description == "invalid JSON at column 9: expected ',' or '}'")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Failure.self) { try parse(deep) }
    }

    @Test func tolerantReadings() {
        #expect(JSONValue.string(" 42 ").integer == 42)
        #expect(JSONValue.number("42.0").integer == 42)
        #expect(JSONValue.number("4.5").integer == nil)
        #expect(JSONValue.string("Kyllä").boolean == true)
        #expect(JSONValue.string("ei").boolean == false)
        #expect(JSONValue.string("ehkä").boolean == nil)
        #expect(JSONValue.number("100001").scalarText == "100001")
    }

    @Test func readsISO8601Times() {
        #expect(ISO8601Timestamp.parse("2024-08-26T13:36:00+02:00")?.timeIntervalSince1970 == 1_724_672_160)
        #expect(ISO8601Timestamp.parse("2024-08-26T11:36:00Z")?.timeIntervalSince1970 == 1_724_672_160)
        #expect(ISO8601Timestamp.parse("2024-08-26 13:36:00+0200")?.timeIntervalSince1970 == 1_724_672_160)
        #expect(ISO8601Timestamp.parse("2024-08-26T13:36+02")?.timeIntervalSince1970 == 1_724_672_160)
        #expect(ISO8601Timestamp.parse("2024-08-26T11:36:00.5Z")?.timeIntervalSince1970 == 1_724_672_160.5)
        #expect(ISO8601Timestamp.parse("2024-02-30T10:00:00Z") == nil)
        #expect(ISO8601Timestamp.parse("2024-08-26T25:00:00Z") == nil)
        #expect(ISO8601Timestamp.parse("26.8.2024") == nil)
    }
}
