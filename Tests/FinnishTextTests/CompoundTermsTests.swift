import Testing
@testable import FinnishText

@Suite struct CompoundTermsTests {
    private func terms(_ wordBases: String, _ baseForm: String, analysed: [String: String] = [:]) -> [String] {
        CompoundTerms(
            components: WordBases(parsing: wordBases).components(wholeBaseForm: baseForm),
            baseFormOfWrittenPart: { analysed[$0] }).terms
    }

    @Test func twoPartsGiveTheirBaseFormsOnly() {
        #expect(terms("+puhelin(puhelin)+lasku(lasku)", "puhelinlasku") == ["puhelin", "lasku"])
        #expect(terms("+yhteyden(yhteys)+otto(otto)", "yhteydenotto") == ["yhteys", "otto"])
    }

    @Test func leadingRunsOfLongerCompoundsAreCompoundsToo() {
        #expect(terms("+kuu(kuu)+kausi(kausi)+maksu(maksu)", "kuukausimaksu")
            == ["kuu", "kausi", "maksu", "kuukausi"])
        #expect(terms("+sähkö(sähkö)+posti(posti)+osoitteeseen(osoite)", "sähköpostiosoite")
            == ["sähkö", "posti", "osoite", "sähköposti"])
        // The leading run keeps the genitive as written: yhteydenotto, not yhteysotto.
        #expect(terms("+yhteyden(yhteys)+otto(otto)+pyyntö(pyyntö)", "yhteydenottopyyntö")
            == ["yhteys", "otto", "pyyntö", "yhteydenotto"])
        // Four parts: two leading runs, never a run ending in the head (`kaistaliittymä...`).
        #expect(terms("+kuitu(kuitu)+laaja(laaja)+kaista(kaista)+liittymä(liittymä)", "kuitulaajakaistaliittymä")
            == ["kuitu", "laaja", "kaista", "liittymä", "kuitulaaja", "kuitulaajakaista"])
    }

    @Test func runsEndingInTheHeadAreNotIndexed() {
        // sähköpostiosoite is no postiosoite, kuukausimaksu no kausimaksu.
        #expect(!terms("+sähkö(sähkö)+posti(posti)+osoite(osoite)", "sähköpostiosoite").contains("postiosoite"))
        #expect(!terms("+kuu(kuu)+kausi(kausi)+maksu(maksu)", "kuukausimaksu").contains("kausimaksu"))
    }

    @Test func derivedComponentsUseTheirOwnAnalysis() {
        let wordBases = "+suora(suora)+markkinoi(markkinoida)+nti(+ti)+kielto(kielto)"
        #expect(terms(wordBases, "suoramarkkinointikielto", analysed: ["markkinointi": "markkinointi"])
            == ["suora", "markkinointi", "kielto", "suoramarkkinointi"])
        // Without an analysis, the guess from WORDBASES stays.
        #expect(terms(wordBases, "suoramarkkinointikielto").contains("markkinoiti"))
    }

    @Test func singleWordsContributeNothing() {
        #expect(terms("+hyvit(hyvittää)+ys(+ys)", "hyvitys").isEmpty)
        #expect(terms("+laajakaista(laaja=kaista)", "laajakaista").isEmpty)
    }
}
