import Testing
@testable import FinnishText

/// Search behaviour of compounds, names and action nouns on real Finnish words.
@Suite struct CompoundAndReadingSearchTests {
    let analyzer: FinnishAnalyzer

    init() throws {
        analyzer = try FinnishAnalyzer()
    }

    @Test func lexicalisedCompoundIsOneComponent() {
        // WORDBASES +laajakaista(laaja=kaista)+liittymä(liittymä): no `=` in any term, and
        // `laajakaista` stays whole.
        #expect(wordTerms(analyzer, "Laajakaistaliittymän")
            == [["laajakaistaliittymän", base("laajakaistaliittymä"), base("laajakaista"), base("liittymä")]])
        #expect(finds(analyzer, query: "laajakaistan", in: "Laajakaistaliittymässä on katkos."))
        #expect(documentTerms(analyzer, "laajakaista") == ["laajakaista"])
    }

    @Test(arguments: [
        ("kuukaudelle", "Kuukausimaksu nousi."),
        ("sähköpostilla", "Sähköpostiosoitteeni on vaihtunut."),
        ("sahkoposteina", "Sähköpostiosoitteeni on vaihtunut."),
        ("tietosuojasta", "Luin tietosuojaselosteen."),
        ("yhteydenotostanne", "Kirjasimme yhteydenottopyynnön."),
    ])
    func leadingRunOfLongCompoundFindsIt(query: String, document: String) {
        #expect(finds(analyzer, query: query, in: document))
    }

    @Test func runEndingInTheHeadDoesNotFindTheCompound() {
        #expect(!finds(analyzer, query: "postiosoitteeseen", in: "Sähköpostiosoitteeni on vaihtunut."))
        #expect(finds(analyzer, query: "osoitteeseen", in: "Sähköpostiosoitteeni on vaihtunut."))
    }

    @Test func derivedComponentIsNamedByItsOwnBaseForm() {
        let terms = documentTerms(analyzer, "suoramarkkinointikiellon")
        #expect(terms.isSuperset(of: [base("markkinointi"), base("kielto"), base("suoramarkkinointi")]))
        #expect(!terms.contains(base("markkinoiti")))
        #expect(finds(analyzer, query: "markkinoinnille", in: "Asettakaa suoramarkkinointikielto."))
    }

    @Test func lowerCaseWordIsNotReadAsAName() {
        // `päivien` is also the first names Päivi and Päivä to Voikko.
        #expect(!analyzer.queryTerms(forWord: "päivien").contains(base("päivi")))
        #expect(!finds(analyzer, query: "päivien", in: "Ystävällisin terveisin, Päivi Järvinen"))
        #expect(finds(analyzer, query: "päivien", in: "Kolmen päivän katkos."))
        // Capitalised, the name counts, in documents and queries.
        #expect(finds(analyzer, query: "Päiville", in: "Ystävällisin terveisin, Päivi Järvinen"))
        #expect(documentTerms(analyzer, "Päivien").contains(base("päivi")))
        // A name with no common reading keeps it in lower case.
        #expect(finds(analyzer, query: "virtaselle", in: "Virtanen soitti."))
    }

    @Test func actionNounIsItsOwnWord() {
        // Voikko reads `sulkemisen` as a form of `sulkea`; search reads it as the noun `sulkeminen`.
        #expect(analyzer.queryTerms(forWord: "sulkemisen") == ["sulkemisen", base("sulkeminen"), "sulkeminen"])
        #expect(finds(analyzer, query: "sulkemisen", in: "Liittymän sulkeminen onnistui."))
        #expect(!finds(analyzer, query: "sulkemisen", in: "Haluan sulkea liittymän."))
        #expect(!finds(analyzer, query: "sulkea", in: "Liittymän sulkeminen onnistui."))
        // In a compound, Voikko's base form `liittymänsulkea` becomes `liittymänsulkeminen`.
        #expect(documentTerms(analyzer, "liittymänsulkemisesta")
            .isSuperset(of: [base("liittymänsulkeminen"), base("liittymä"), base("sulkeminen")]))
    }
}
