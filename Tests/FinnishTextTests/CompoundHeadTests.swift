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

    /// A leading run that is a compound itself names a topic as specific as a head: an agent
    /// searching `suoramarkkinointi` wants the direct-marketing bans.
    @Test(arguments: [
        ("suoramarkkinoinnin", "Asiakas asetti suoramarkkinointikiellon."),
        ("tietosuojasta", "Lue tietosuojaselosteemme."),
    ])
    func aCompoundFindsTheLongerCompoundsItBegins(query: String, document: String) {
        #expect(finds(analyzer, query: query, in: document))
    }

    @Test(arguments: [
        ("markkinoinnin", "Asiakas asetti suoramarkkinointikiellon."),
        ("sähkön", "Päivitä sähköpostiosoitteesi."),
        ("postin", "Päivitä sähköpostiosoitteesi."),
    ])
    func aSinglePartInsideALeadingCompoundIsStillOnlyAModifier(query: String, document: String) {
        #expect(!finds(analyzer, query: query, in: document))
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
