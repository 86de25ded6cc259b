import Testing
@testable import FinnishText

/// A compound is about its head, its last part: a word finds the compounds it ends, not the ones it
/// only modifies, which a prefix query reaches. The cases are from real documentation prose
/// (Debian's Finnish LibreOffice help, `tools/eval-real`).
@Suite struct CompoundHeadTests {
    let analyzer: FinnishAnalyzer

    init() throws {
        analyzer = try FinnishAnalyzer()
    }

    @Test(arguments: [
        ("lähteen", "Avaa lähdekoodin tiedosto."),
        ("komennolla", "Kirjoita komentorivillä ohjelman nimi."),
        ("taulukon", "Taulukkolaskenta on Calcin tehtävä."),
        ("käyttäjän", "Anna käyttäjätunnus ja salasana."),
        ("laskun", "Laskuvirhe korjattiin."),
    ])
    func aWordDoesNotFindTheCompoundsItOnlyModifies(query: String, document: String) {
        #expect(!finds(analyzer, query: query, in: document))
    }

    @Test(arguments: [
        ("lasku", "Puhelinlaskusta puuttui erittely."),
        ("lähteen", "Valitse tietolähteen nimi."),
        ("rivin", "Kirjoita komentorivillä ohjelman nimi."),
        ("taulukon", "Tallenna laskentataulukko."),
        ("ikkunassa", "Valintaikkunassa on kolme välilehteä."),
        ("kentässä", "Kirjoita nimi tekstikenttään."),
    ])
    func aWordFindsTheCompoundsItIsTheHeadOf(query: String, document: String) {
        #expect(finds(analyzer, query: query, in: document))
    }

    @Test func aPrefixFindsTheCompoundsAWordBegins() {
        #expect(findsByPrefix(analyzer, "lähde", in: "Avaa lähdekoodin tiedosto."))
        #expect(findsByPrefix(analyzer, "komento", in: "Kirjoita komentorivillä ohjelman nimi."))
        // Through the modifier's base form, where the compound writes it inflected.
        #expect(documentTerms(analyzer, "yhteydenottopyynnön").contains(modifier("yhteys")))
        #expect(findsByPrefix(analyzer, "yhteys", in: "Kirjasimme yhteydenottopyynnön."))
    }

    @Test func aCompoundQueryFindsThatCompoundOnly() {
        #expect(finds(analyzer, query: "lähdekoodi", in: "Avaa lähdekoodin tiedosto."))
        #expect(!finds(analyzer, query: "lähdekoodi", in: "Valitse lähde."))
        #expect(!finds(analyzer, query: "komentorivi", in: "Valitse komento."))
    }
}
