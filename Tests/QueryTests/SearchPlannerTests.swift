import Archive
@testable import Query
import Testing

@Suite struct SearchPlannerTests {
    func plan(_ query: String) throws -> SearchPlan {
        SearchPlanner().plan(try QueryParser().parse(query), limit: 10, offset: 0)
    }

    @Test func textTermsRankAndFiltersBecomeConditions() throws {
        let plan = try plan("lasku from:maija@example.fi is:complaint")
        #expect(plan.ranking == "\"lasku\"")
        #expect(plan.condition == .all([.participant(role: .from, value: "maija@example.fi"), .isComplaint]))
    }

    @Test func everyUserWordIsQuotedSoNothingIsFTS5Syntax() throws {
        #expect(try plan("NEAR(a b)").ranking == "\"NEAR\" AND (\"a\" AND \"b\")")
        #expect(try plan("a AND b").ranking == "\"a\" AND \"b\"")
        // A quote inside a phrase is written twice, and reaches FTS5 escaped the same way.
        #expect(try plan("\"say \"\"hi\"\"\"").ranking == "\"say \"\"hi\"\"\"")
    }

    @Test func exclusionsNeedSomethingPositiveInFTS5() throws {
        #expect(try plan("lasku -hyvitys").ranking == "\"lasku\" NOT \"hyvitys\"")
        let onlyNegative = try plan("-hyvitys")
        #expect(onlyNegative.ranking == nil)
        #expect(onlyNegative.condition == .none(.fullText("\"hyvitys\"")))
    }

    @Test func prefixExactAndColumns() throws {
        #expect(try plan("lasku*").ranking == "\"lasku\" *")
        #expect(try plan("=\"laskun eräpäivä\"").ranking == "\"=laskun =eräpäivä\"")
        #expect(try plan("subject:lasku").ranking == "subject : (\"lasku\")")
        #expect(try plan("body:lasku*").ranking == "body : (\"lasku\" *)")
        #expect(try plan("body:=laskusta").ranking == "body : (\"=laskusta\")")
        #expect(try plan("attachment:\"laskun eräpäivä\"").ranking == "attachment_text : (\"laskun eräpäivä\")")
        let named = try plan("laskutusvirhe filename:lasku*")
        #expect(named.ranking == "\"laskutusvirhe\"")
        #expect(named.condition == .attachmentName("lasku", prefix: true))
        #expect(
            try plan("body:(lasku OR vika) -subject:hyvitys").ranking
                == "(body : (\"lasku\") OR body : (\"vika\")) NOT subject : (\"hyvitys\")")
    }

    /// FTS5 scores and highlights a row in time that grows with the square of the phrases: a
    /// word repeated is planned once, at every level.
    @Test func repeatedTermsArePlannedOnce() throws {
        #expect(try plan("lasku lasku vika lasku").ranking == "\"lasku\" AND \"vika\"")
        #expect(try plan("lasku -vika -vika").ranking == "\"lasku\" NOT \"vika\"")
        #expect(try plan("lasku (vika OR vika OR katkos)").ranking == "\"lasku\" AND (\"vika\" OR \"katkos\")")
        #expect(try plan("(lasku lasku) OR (lasku lasku)").ranking == "((\"lasku\"))")
        #expect(try plan("-vika -vika").condition == .none(.fullText("\"vika\"")))
    }

    @Test func orOfTextAndFilterIsACondition() throws {
        let plan = try plan("lasku OR has:attachment")
        #expect(plan.ranking == nil)
        #expect(plan.condition == .any([.fullText("\"lasku\""), .hasAttachment]))
    }
}
