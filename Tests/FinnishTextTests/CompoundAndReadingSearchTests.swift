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
            == [["laajakaistaliittymän", base("laajakaistaliittymä"), base("liittymä"), modifier("laajakaista")]])
        #expect(findsByPrefix(analyzer, "laajakaista", in: "Laajakaistaliittymässä on katkos."))
        #expect(documentTerms(analyzer, "laajakaista") == ["laajakaista"])
    }

    @Test(arguments: [
        ("kuukaudelle", "kuukausi", "Kuukausimaksu nousi."),
        ("sähköpostilla", "sähköposti", "Sähköpostiosoitteeni on vaihtunut."),
        ("sahkoposteina", "sähköposti", "Sähköpostiosoitteeni on vaihtunut."),
        ("tietosuojasta", "tietosuoja", "Luin tietosuojaselosteen."),
        ("yhteydenotostanne", "yhteydenotto", "Kirjasimme yhteydenottopyynnön."),
    ])
    func leadingRunOfLongCompoundIsFoundLikeAHead(query: String, prefix: String, document: String) {
        // A leading run that is a compound itself names a topic: `tietosuojasta` finds
        // `tietosuojaselosteen`, and so does `tietosuoja*`.
        #expect(finds(analyzer, query: query, in: document))
        #expect(findsByPrefix(analyzer, prefix, in: document))
    }

    @Test func runEndingInTheHeadDoesNotFindTheCompound() {
        #expect(!finds(analyzer, query: "postiosoitteeseen", in: "Sähköpostiosoitteeni on vaihtunut."))
        #expect(finds(analyzer, query: "osoitteeseen", in: "Sähköpostiosoitteeni on vaihtunut."))
    }

    @Test func derivedComponentIsNamedByItsOwnBaseForm() {
        let terms = documentTerms(analyzer, "suoramarkkinointikiellon")
        #expect(terms.isSuperset(of: [modifier("markkinointi"), base("kielto"), base("suoramarkkinointi")]))
        #expect(!terms.contains(modifier("markkinoiti")))
        #expect(findsByPrefix(analyzer, "markkinointi", in: "Asettakaa suoramarkkinointikielto."))
        #expect(finds(analyzer, query: "kiellon", in: "Asettakaa suoramarkkinointikielto."))
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
            .isSuperset(of: [base("liittymänsulkeminen"), modifier("liittymä"), base("sulkeminen")]))
    }
}
