import Testing
@testable import FinnishText

@Suite struct QueryFormTests {
    let analyzer: FinnishAnalyzer

    init() throws {
        analyzer = try FinnishAnalyzer()
    }

    @Test func exactTermIsTheSurfaceFormOnly() {
        #expect(analyzer.exactTerm(forWord: "Laskusta") == "laskusta")
        #expect(analyzer.exactTerm(forWord: "EU:n") == "eu:n")
        #expect(analyzer.exactTerm(forWord: " !? ") == nil)
        let document = documentTerms(analyzer, "Lasku tuli.")
        #expect(analyzer.exactTerm(forWord: "laskusta").map(document.contains) == false)
    }

    @Test func prefixTermsCoverSurfaceBaseAndModifierNamespaces() {
        #expect(analyzer.prefixTerms(forPrefix: "Lasku") == ["lasku", base("lasku"), modifier("lasku")])
        #expect(analyzer.prefixTerms(forPrefix: "HÄIRI") == ["häiri", base("häiri"), modifier("häiri")])
        #expect(analyzer.prefixTerms(forPrefix: "  ").isEmpty)
        // Typed without dots, a prefix also looks for its front-vowel spelling, the one vowel
        // harmony allows (none beside a `u`).
        #expect(
            analyzer.prefixTerms(forPrefix: "hairio")
                == ["hairio", base("hairio"), modifier("hairio"), "häiriö", base("häiriö"), modifier("häiriö")])
        #expect(analyzer.prefixTerms(forPrefix: "sopimu") == ["sopimu", base("sopimu"), modifier("sopimu")])
        // `lasku*` reaches puhelinlaskusta through the base-form namespace.
        let prefix = base("lasku")
        #expect(documentTerms(analyzer, "puhelinlaskusta").contains { $0.hasPrefix(prefix) })
    }

    @Test func queryTermsAreInIndexNamespaces() {
        let terms = analyzer.queryTerms(forWord: "Laskuja")
        // Base forms in both namespaces: a document's base form equal to its surface form is stored once.
        #expect(terms == ["laskuja", base("lasku"), "lasku"])
        #expect(analyzer.queryTerms(forWord: "...").isEmpty)
        for term in terms {
            let (namespace, text) = TermNamespace.split(term)
            #expect(namespace.term(String(text)) == term)
        }
    }

    @Test func namespaceMarkersCannotComeFromInput() {
        // Control characters are not word characters: typed markers disappear in segmentation.
        #expect(analyzer.words(in: "\u{1}lasku \u{2}lasku") == ["lasku", "lasku"])
        #expect(analyzer.exactTerm(forWord: "\u{1}lasku") == "lasku")
    }

    @Test func wordsSplitPhrasesLikeDocuments() {
        #expect(analyzer.words(in: "\"puhelinlasku on väärin\" -kiitos") == ["puhelinlasku", "on", "väärin", "kiitos"])
    }
}
