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
        ("+hyvit(hyvittää)+ys(+ys)", "hyvitys", []),
        ("+EU(EU)", "EU", []),
        ("", "lasku", []),
    ])
    func componentBaseForms(wordBases: String, baseForm: String, expected: [String]) {
        #expect(WordBases(parsing: wordBases).componentBaseForms(wholeBaseForm: baseForm) == expected)
    }
}
