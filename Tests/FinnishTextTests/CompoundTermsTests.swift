import Testing
@testable import FinnishText

@Suite struct CompoundTermsTests {
    private func compound(_ wordBases: String, _ baseForm: String, analysed: [String: String] = [:]) -> CompoundTerms {
        CompoundTerms(
            components: WordBases(parsing: wordBases).components(wholeBaseForm: baseForm),
            baseFormOfWrittenPart: { analysed[$0] })
    }

    /// The head, the leading compounds, then the modifiers.
    private func terms(_ wordBases: String, _ baseForm: String, analysed: [String: String] = [:]) -> [String] {
        let compound = compound(wordBases, baseForm, analysed: analysed)
        return (compound.head.map { [$0] } ?? []) + compound.leadingCompounds + compound.modifiers
    }

    @Test func theLastPartIsTheHeadTheOthersModifyIt() {
        let puhelinlasku = compound("+puhelin(puhelin)+lasku(lasku)", "puhelinlasku")
        #expect(puhelinlasku.head == "lasku")
        #expect(puhelinlasku.modifiers == ["puhelin"])
        let lähdekoodi = compound("+lähde(lähde)+koodi(koodi)", "lähdekoodi")
        #expect(lähdekoodi.head == "koodi")
        #expect(lähdekoodi.modifiers == ["lähde"])
        #expect(terms("+yhteyden(yhteys)+otto(otto)", "yhteydenotto") == ["otto", "yhteys"])
    }

    @Test func leadingRunsOfLongerCompoundsAreLeadingCompounds() {
        let kuukausimaksu = compound("+kuu(kuu)+kausi(kausi)+maksu(maksu)", "kuukausimaksu")
        #expect(kuukausimaksu.leadingCompounds == ["kuukausi"])
        #expect(kuukausimaksu.modifiers == ["kuu", "kausi"])
        #expect(terms("+sähkö(sähkö)+posti(posti)+osoitteeseen(osoite)", "sähköpostiosoite")
            == ["osoite", "sähköposti", "sähkö", "posti"])
        // The leading run keeps the genitive as written: yhteydenotto, not yhteysotto.
        #expect(terms("+yhteyden(yhteys)+otto(otto)+pyyntö(pyyntö)", "yhteydenottopyyntö")
            == ["pyyntö", "yhteydenotto", "yhteys", "otto"])
        // Four parts: two leading runs, never a run ending in the head (`kaistaliittymä...`).
        #expect(terms("+kuitu(kuitu)+laaja(laaja)+kaista(kaista)+liittymä(liittymä)", "kuitulaajakaistaliittymä")
            == ["liittymä", "kuitulaaja", "kuitulaajakaista", "kuitu", "laaja", "kaista"])
    }

    @Test func runsEndingInTheHeadAreNotIndexed() {
        // sähköpostiosoite is no postiosoite, kuukausimaksu no kausimaksu.
        #expect(!terms("+sähkö(sähkö)+posti(posti)+osoite(osoite)", "sähköpostiosoite").contains("postiosoite"))
        #expect(!terms("+kuu(kuu)+kausi(kausi)+maksu(maksu)", "kuukausimaksu").contains("kausimaksu"))
    }

    @Test func aModifierEqualToTheHeadIsTheHead() {
        // A part repeated as the head is the head only.
        let repeated = compound("+maksu(maksu)+maksu(maksu)", "maksumaksu")
        #expect(repeated.head == "maksu")
        #expect(repeated.modifiers.isEmpty)
    }

    @Test func derivedComponentsUseTheirOwnAnalysis() {
        let wordBases = "+suora(suora)+markkinoi(markkinoida)+nti(+ti)+kielto(kielto)"
        #expect(terms(wordBases, "suoramarkkinointikielto", analysed: ["markkinointi": "markkinointi"])
            == ["kielto", "suoramarkkinointi", "suora", "markkinointi"])
        // Without an analysis, the guess from WORDBASES stays.
        #expect(terms(wordBases, "suoramarkkinointikielto").contains("markkinoiti"))
    }

    @Test func singleWordsContributeNothing() {
        #expect(terms("+hyvit(hyvittää)+ys(+ys)", "hyvitys").isEmpty)
        #expect(terms("+laajakaista(laaja=kaista)", "laajakaista").isEmpty)
    }
}
