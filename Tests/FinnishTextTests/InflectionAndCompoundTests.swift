import Testing
@testable import FinnishText

@Suite struct InflectionAndCompoundTests {
    let analyzer: FinnishAnalyzer

    init() throws {
        analyzer = try FinnishAnalyzer()
    }

    @Test(arguments: [
        ("katkos", "katkoksen"), ("katkoksen", "katkos"),
        ("sopimus", "sopimusta"), ("yhteys", "yhteyttä"), ("vika", "vian"),
        ("hyvitys", "hyvityksen"), ("lasku", "laskuja"), ("lasku", "laskusta"), ("laskuja", "laskusta"),
    ])
    func consonantGradationAndInflectionFindEachOther(query: String, document: String) {
        #expect(finds(analyzer, query: query, in: "Asiakas kysyi \(document) eilen."))
    }

    @Test func gradationGoesThroughVoikkoBaseFormNotStem() {
        // `hyvityksen` and `hyvitys` share the base form, not merely a stem.
        #expect(documentTerms(analyzer, "hyvityksen") == ["hyvityksen", base("hyvitys")])
        #expect(analyzer.queryTerms(forWord: "hyvitys") == ["hyvitys", base("hyvitys")])
        #expect(documentTerms(analyzer, "vian").contains(base("vika")))
        #expect(!documentTerms(analyzer, "vian").contains { $0.hasPrefix("\u{2}") })
    }

    @Test func compoundYieldsWholeBaseFormAndPartsAtOnePosition() {
        let words = wordTerms(analyzer, "puhelinlaskusta")
        #expect(words == [["puhelinlaskusta", base("puhelinlasku"), base("lasku"), modifier("puhelin")]])
    }

    @Test func headFindsCompoundAndInflectedQueryToo() {
        // The key property: another inflection of a compound's head finds the compound.
        let query = Set(analyzer.queryTerms(forWord: "laskuja"))
        #expect(!query.isDisjoint(with: documentTerms(analyzer, "puhelinlaskusta")))
        // A puhelinlasku is no puhelin: the modifier is found by prefix only.
        #expect(!finds(analyzer, query: "puhelin", in: "Puhelinlaskusta puuttui erittely."))
        #expect(findsByPrefix(analyzer, "puhelin", in: "Puhelinlaskusta puuttui erittely."))
        // ... but a compound query does not find every component.
        #expect(!finds(analyzer, query: "puhelinlasku", in: "Lasku tuli myöhässä."))
    }

    @Test func derivationIsNotCompounding() {
        // Voikko reads laskutus as its own noun or as derived from laskuttaa, never from lasku:
        // `lasku` does not find `laskutusosoite`; its head `osoite` does, and `laskutus` only
        // modifies it.
        let terms = documentTerms(analyzer, "laskutusosoite")
        #expect(terms == ["laskutusosoite", modifier("laskutus"), base("osoite")])
        #expect(!finds(analyzer, query: "lasku", in: "laskutusosoite"))
        #expect(!finds(analyzer, query: "laskutuksen", in: "laskutusosoite"))
        #expect(finds(analyzer, query: "osoitteen", in: "laskutusosoite"))
        // Derivational roots are not indexed: hyvitys is not hyvittää.
        #expect(!documentTerms(analyzer, "hyvitys").contains(base("hyvittää")))
    }

    @Test func derivedComponentsAreNamedByTheirOwnBaseForm() {
        // WORDBASES +numeron(numero)+siir(siirtää)+to(+to)
        #expect(documentTerms(analyzer, "numeronsiirto") == ["numeronsiirto", modifier("numero"), base("siirto")])
        #expect(documentTerms(analyzer, "numeronsiirrosta").isSuperset(of: [modifier("numero"), base("siirto")]))
        // +yhteyden(yhteys)+otto(otto) and +yhteyden(yhteys)+ot(ottaa)+to(+to)
        #expect(documentTerms(analyzer, "yhteydenottoa")
            == ["yhteydenottoa", base("yhteydenotto"), modifier("yhteys"), base("otto")])
        #expect(!finds(analyzer, query: "yhteyden", in: "Yhteydenottopyyntö kirjattiin."))
        #expect(findsByPrefix(analyzer, "yhteys", in: "Yhteydenottopyyntö kirjattiin."))
        // +hyvit(hyvittää)+yksen(+ys)+saa(saada)+ja(+ja)
        #expect(documentTerms(analyzer, "hyvityksensaaja").isSuperset(of: [modifier("hyvitys"), base("saaja")]))
    }

    @Test func ambiguousWordsKeepAllBaseForms() {
        // `Matti` is a first name and a noun; `tuli` is fire and the past of tulla.
        let terms = analyzer.queryTerms(forWord: "tuli")
        #expect(terms.contains(base("tuli")) && terms.contains(base("tulla")))
        #expect(finds(analyzer, query: "tulla", in: "Lasku tuli myöhässä."))
    }

    @Test func unknownWordsFallBackToTheStem() {
        // Voikko knows no `Zyxelin` (a router brand); its stem lets `Zyxel` find `Zyxelin`.
        let terms = documentTerms(analyzer, "Zyxelin")
        #expect(terms.contains(stem("zyxel")))
        #expect(!terms.contains { $0.hasPrefix("\u{1}") })
        #expect(finds(analyzer, query: "zyxelistä", in: "Zyxelin modeemi"))
        // Known words get no stem, queries for known words ask for no stem.
        #expect(!analyzer.queryTerms(forWord: "laskusta").contains { $0.hasPrefix("\u{2}") })
    }

    @Test func namesAreAnalysedToo() {
        #expect(finds(analyzer, query: "Virtanen", in: "Soitin Virtaselle eilen."))
        #expect(finds(analyzer, query: "helsinki", in: "Toimipiste Helsingissä"))
    }

    @Test func baseFormEqualToTheSurfaceIsStoredOnce() {
        #expect(documentTerms(analyzer, "lasku") == ["lasku"])
        #expect(finds(analyzer, query: "laskuja", in: "Tämä lasku on väärin."))
        #expect(finds(analyzer, query: "numeronsiirrosta", in: "numeronsiirto"))
    }

    @Test func stemsAndBaseFormsNeverCollideWithSurfaceForms() {
        // The document has `lasku` only as a base form; an exact query must not find it.
        let terms = documentTerms(analyzer, "laskusta")
        #expect(analyzer.exactTerm(forWord: "lasku").map(terms.contains) == false)
        #expect(analyzer.exactTerm(forWord: "Laskusta").map(terms.contains) == true)
    }
}
