import Archive
import Foundation
@testable import Query
import Testing

@Suite struct QueryParserTests {
    let parser = QueryParser()

    @Test func wordsNextToEachOtherMustAllMatch() throws {
        #expect(try parser.parse("lasku hyvitys") == .and([.text(TextTerm(.word("lasku"))), .text(TextTerm(.word("hyvitys")))]))
    }

    @Test func phrasesPrefixesExactFormsAndExclusions() throws {
        #expect(try parser.parse("\"laskun eräpäivä\"") == .text(TextTerm(.phrase(["laskun", "eräpäivä"]))))
        #expect(try parser.parse("lasku*") == .text(TextTerm(.prefix("lasku"))))
        #expect(try parser.parse("=\"laskusta\"") == .text(TextTerm(.exact("laskusta"))))
        #expect(try parser.parse("=laskusta") == .text(TextTerm(.exact("laskusta"))))
        #expect(try parser.parse("lasku -hyvitys") == .and([.text(TextTerm(.word("lasku"))), .not(.text(TextTerm(.word("hyvitys"))))]))
        #expect(try parser.parse("NOT vika") == .not(.text(TextTerm(.word("vika")))))
    }

    @Test func orBindsLooserThanAndAndParenthesesGroup() throws {
        let lasku = QueryNode.text(TextTerm(.word("lasku")))
        let vika = QueryNode.text(TextTerm(.word("vika")))
        let katkos = QueryNode.text(TextTerm(.word("katkos")))
        #expect(try parser.parse("lasku vika OR katkos") == .or([.and([lasku, vika]), katkos]))
        #expect(try parser.parse("lasku (vika OR katkos)") == .and([lasku, .or([vika, katkos])]))
    }

    @Test func fields() throws {
        #expect(try parser.parse("from:maija@example.fi") == .filter(.from("maija@example.fi")))
        #expect(try parser.parse("to:@esimerkkiverkko.fi") == .filter(.to("@esimerkkiverkko.fi")))
        #expect(try parser.parse("kind:call") == .filter(.kind(.call)))
        #expect(try parser.parse("is:complaint") == .filter(.isComplaint))
        #expect(try parser.parse("is:inspection") == .filter(.isInspectionRequest))
        #expect(try parser.parse("has:attachment") == .filter(.hasAttachment))
        #expect(try parser.parse("subject:lasku") == .text(TextTerm(.word("lasku"), column: .subject)))
        #expect(try parser.parse("subject:\"laskun eräpäivä\"") == .text(TextTerm(.phrase(["laskun", "eräpäivä"]), column: .subject)))
        #expect(try parser.parse("customer:C00017") == .filter(.customer("C00017")))
    }

    /// `subject:` and `body:` take the forms a word takes anywhere, and a group; `from:` and `to:`
    /// a group too.
    @Test func textFieldsTakeEveryFormAndGroups() throws {
        #expect(try parser.parse("body:lasku") == .text(TextTerm(.word("lasku"), column: .body)))
        #expect(try parser.parse("BODY:lasku") == .text(TextTerm(.word("lasku"), column: .body)))
        #expect(try parser.parse("attachment:lasku*") == .text(TextTerm(.prefix("lasku"), column: .attachmentText)))
        #expect(try parser.parse("body:\"laskun eräpäivä\"") == .text(TextTerm(.phrase(["laskun", "eräpäivä"]), column: .body)))
        #expect(try parser.parse("body:lasku*") == .text(TextTerm(.prefix("lasku"), column: .body)))
        #expect(try parser.parse("body:=laskusta") == .text(TextTerm(.exact("laskusta"), column: .body)))
        #expect(try parser.parse("subject:=\"laskun eräpäivä\"") == .text(TextTerm(.exact("laskun eräpäivä"), column: .subject)))
        #expect(
            try parser.parse("body:(lasku OR \"vika linjassa\" -hyvitys*)")
                == .or([
                    .text(TextTerm(.word("lasku"), column: .body)),
                    .and([
                        .text(TextTerm(.phrase(["vika", "linjassa"]), column: .body)),
                        .not(.text(TextTerm(.prefix("hyvitys"), column: .body))),
                    ]),
                ]))
        #expect(
            try parser.parse("-body:lasku vika")
                == .and([.not(.text(TextTerm(.word("lasku"), column: .body))), .text(TextTerm(.word("vika")))]))
        #expect(try parser.parse("from:(maija OR \"matti virtanen\")") == .or([.filter(.from("maija")), .filter(.from("matti virtanen"))]))
        #expect(try parser.parse("to:(laskutus -tuki)") == .and([.filter(.to("laskutus")), .not(.filter(.to("tuki")))]))
        // A name or an address is matched from its beginning already: `*` asks nothing more.
        #expect(try parser.parse("from:matt*") == .filter(.from("matt")))
    }

    /// `filename:` takes words of a name as typed (split later, at the index), `*` for a prefix,
    /// and a group.
    @Test func filenameTakesNamesPrefixesAndGroups() throws {
        #expect(try parser.parse("filename:pdf") == .filter(.filename("pdf", prefix: false)))
        #expect(try parser.parse("FILENAME:Lasku_2025-02.pdf") == .filter(.filename("Lasku_2025-02.pdf", prefix: false)))
        #expect(try parser.parse("filename:lasku*") == .filter(.filename("lasku", prefix: true)))
        #expect(try parser.parse("filename:\"lasku helmikuu\"") == .filter(.filename("lasku helmikuu", prefix: false)))
        #expect(
            try parser.parse("filename:(lasku OR sopimus*) -filename:png")
                == .and([
                    .or([.filter(.filename("lasku", prefix: false)), .filter(.filename("sopimus", prefix: true))]),
                    .not(.filter(.filename("png", prefix: false))),
                ]))
        #expect(
            try parser.parse("laskutusvirhe filename:pdf")
                == .and([.text(TextTerm(.word("laskutusvirhe"))), .filter(.filename("pdf", prefix: false))]))
    }

    @Test func aBodyWordIsOneTermOfTheBudget() throws {
        let limited = QueryParser(limits: QueryLimits(maxBytes: 4096, maxDepth: 8, maxTerms: 2, maxPrefixes: 4))
        #expect(throws: QuerySyntaxError.self) { try limited.parse("body:(a b c)") }
        _ = try limited.parse("body:(a b)")
    }

    @Test func wordsWithColonsThatAreNotFieldsStayWords() throws {
        #expect(try parser.parse("EU:n") == .text(TextTerm(.word("EU:n"))))
        #expect(try parser.parse("SMS:llä") == .text(TextTerm(.word("SMS:llä"))))
    }

    @Test func datesAtEveryPrecisionAndRanges() throws {
        func range(_ query: String) throws -> (String, String)? {
            guard case .filter(.date(let start, let end)) = try parser.parse(query) else { return nil }
            return (Timestamp.format(start), Timestamp.format(end))
        }
        #expect(try range("date:2025")! == ("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"))
        #expect(try range("date:2025-02")! == ("2025-02-01T00:00:00Z", "2025-03-01T00:00:00Z"))
        #expect(try range("date:2024-02-29")! == ("2024-02-29T00:00:00Z", "2024-03-01T00:00:00Z"))
        #expect(try range("date:2025-01-01..2025-03-31")! == ("2025-01-01T00:00:00Z", "2025-04-01T00:00:00Z"))
        #expect(try range("date:15.3.2025")! == ("2025-03-15T00:00:00Z", "2025-03-16T00:00:00Z"))
        #expect(try range("date:2025-03..")!.0 == "2025-03-01T00:00:00Z")
    }

    @Test(arguments: [
        ("\"laskun eräpäivä", 0, "unclosed quote"),
        ("lasku (vika", 6, "unclosed parenthesis"),
        ("lasku)", 5, "unmatched closing parenthesis"),
        ("()", 0, "empty parentheses"),
        ("OR lasku", 0, "OR needs a term before it"),
        ("lasku OR", 6, "OR needs a term after it"),
        ("*", 0, "a prefix needs at least"),
        ("l*", 0, "a prefix needs at least"),
        ("kind:fax", 0, "kind: is email, ticket or call"),
        ("date:2025-13", 0, "date: takes"),
        ("date:2025-02-30", 0, "date: takes"),
        ("is:happy", 0, "is: takes"),
        ("lasku -", 6, "'-' has nothing to search for"),
        ("from:", 0, "from: needs a value"),
        ("body:", 0, "body: needs a value"),
        ("body:b*", 0, "a prefix needs at least"),
        ("body:=", 0, "= needs a word"),
        ("from:*", 0, "'*' has nothing to search for in from:"),
        ("filename:", 0, "filename: needs a value"),
        ("lasku filename:**", 6, "filename: needs a word of a file name"),
        ("filename:\"..\"", 0, "filename: needs a word of a file name"),
        ("lasku body:(from:maija)", 6, "body:( … ) takes words, phrases and prefixes, not other fields"),
        ("subject:(body:lasku)", 0, "subject:( … ) takes words, phrases and prefixes, not other fields"),
        ("kind:(email OR call)", 0, "kind: takes one value, not a group"),
        ("body:(lasku", 5, "unclosed parenthesis"),
        ("", 0, "the query is empty"),
        ("   ", 0, "the query is empty"),
    ])
    func malformedQueriesPointAtTheProblem(query: String, position: Int, message: String) {
        #expect {
            _ = try parser.parse(query)
        } throws: { error in
            guard let error = error as? QuerySyntaxError else { return false }
            return error.position == position && error.message.hasPrefix(message)
        }
    }
}
