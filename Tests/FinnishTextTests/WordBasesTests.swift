import Testing
@testable import FinnishText

@Suite struct WordBasesTests {
    @Test func parsesMorphemesAndDerivationalSuffixes() {
        let bases = WordBases(parsing: "+numeron(numero)+siir(siirtää)+to(+to)")
        #expect(bases.morphemes == [
            .init(surface: "numeron", base: "numero", isDerivationalSuffix: false),
            .init(surface: "siir", base: "siirtää", isDerivationalSuffix: false),
            .init(surface: "to", base: "to", isDerivationalSuffix: true),
        ])
    }

    @Test(arguments: [
        ("+puhelin(puhelin)+lasku(lasku)", "puhelinlasku", ["puhelin", "lasku"]),
        ("+yhteyden(yhteys)+otto(otto)", "yhteydenotto", ["yhteys", "otto"]),
        ("+numeron(numero)+siir(siirtää)+to(+to)", "numeronsiirto", ["numero", "siirto"]),
        ("+laskut(laskuttaa)+us(+us)+osoite(osoite)", "laskutusosoite", ["laskutus", "osoite"]),
        ("+palvel(palvella)+un(+u)+est(estää)+o(+o)+hyökkä(hyökätä)+ys(+ys)", "palvelunestohyökkäys",
         ["palvelu", "esto", "hyökkäys"]),
        ("+laajakaista(laaja=kaista)+liittymä(liittymä)", "laajakaistaliittymä", ["laajakaista", "liittymä"]),
        ("+kuu(kuu)+kausi(kausi)+maksu(maksu)", "kuukausimaksu", ["kuu", "kausi", "maksu"]),
        ("+laajakaista(laaja=kaista)", "laajakaista", []),
        ("+hyvit(hyvittää)+ys(+ys)", "hyvitys", []),
        ("+EU(EU)", "EU", []),
        ("", "lasku", []),
    ])
    func componentBaseForms(wordBases: String, baseForm: String, expected: [String]) {
        #expect(WordBases(parsing: wordBases).componentBaseForms(wholeBaseForm: baseForm) == expected)
    }

    @Test func fragmentWithoutBaseJoinsTheNextMorpheme() {
        #expect(WordBases(parsing: "+markkinoi(markkinoida)+n+ti(+ti)").morphemes.map(\.surface) == ["markkinoi", "nti"])
        #expect(WordBases(parsing: "+laajakaista(laaja=kaista)+liitty(liittyä)+m+ä(+ä)")
            .components(wholeBaseForm: "laajakaistaliittymä").map(\.written) == ["laajakaista", "liittymä"])
    }

    @Test func lexicalisedCompoundEntryStaysOneMorpheme() {
        // Voikko marks a compound its dictionary has whole with `=` inside the base.
        #expect(WordBases(parsing: "+laajakaista(laaja=kaista)").morphemes
            == [.init(surface: "laajakaista", base: "laajakaista", isDerivationalSuffix: false)])
    }

    @Test func derivedNonFinalComponentAsksForAnalysis() {
        let components = WordBases(parsing: "+suora(suora)+markkinoi(markkinoida)+nti(+ti)+kielto(kielto)")
            .components(wholeBaseForm: "suoramarkkinointikielto")
        #expect(components == [
            CompoundComponent(written: "suora", baseForm: "suora", needsAnalysis: false),
            CompoundComponent(written: "markkinointi", baseForm: "markkinoiti", needsAnalysis: true),
            CompoundComponent(written: "kielto", baseForm: "kielto", needsAnalysis: false),
        ])
        // A derived last component takes its base form from the whole word's: no analysis needed.
        #expect(WordBases(parsing: "+numeron(numero)+siir(siirtää)+to(+to)")
            .components(wholeBaseForm: "numeronsiirto").map(\.needsAnalysis) == [false, false])
    }
}
