import Testing
@testable import FinnishText

/// Any form of a verb finds any other, participles included, which Voikko reads as adjectives of
/// their own (`tehty` with base form `tehty`).
@Suite struct VerbFormTests {
    let analyzer: FinnishAnalyzer

    init() throws {
        analyzer = try FinnishAnalyzer()
    }

    @Test(arguments: ["tehdä", "tehdään", "tekee", "tehty", "tehdyt", "tehtiin", "tekemä", "tekevät", "tehnyt", "teen"])
    func tekiFindsTheOtherFormsOfTehdä(document: String) {
        #expect(finds(analyzer, query: "teki", in: "Käyttäjä \(document) muutoksen."))
    }

    @Test(arguments: [("tehty", "tehdään"), ("tallennettu", "tallennetaan"), ("tallennetaan", "tallennettua"), ("valitun", "valitse")])
    func aParticipleAndTheVerbFindEachOther(query: String, document: String) {
        #expect(finds(analyzer, query: query, in: "Tiedosto \(document) levylle."))
    }

    @Test func aParticipleThatIsAWordOfItsOwnIsNotItsVerb() {
        // liittymä (a subscription) is also the agent participle of liittyä (to join); tehtävä (a
        // task) the present passive participle of tehdä.
        #expect(!finds(analyzer, query: "liittyy", in: "Liittymä on suljettu."))
        #expect(!finds(analyzer, query: "teki", in: "Tehtävä on kesken."))
        // The negative participle says the opposite: tekemätön is not a form of tehdä.
        #expect(!finds(analyzer, query: "teki", in: "Työ on tekemätön."))
    }
}

/// A MA infinitive that is also a case of a noun of its own is read as the noun.
@Suite struct MaInfinitiveTests {
    let analyzer: FinnishAnalyzer

    init() throws {
        analyzer = try FinnishAnalyzer()
    }

    @Test func aViewIsNotSomethingBeingSeen() {
        #expect(!analyzer.queryTerms(forWord: "näkymässä").contains(base("näkyä")))
        #expect(!finds(analyzer, query: "näkymässä", in: "Teksti näkyy ruudulla."))
        #expect(!finds(analyzer, query: "nakymassa", in: "Teksti näkyy ruudulla."))
        #expect(finds(analyzer, query: "nakymassa", in: "Avaa näkymä."))
        #expect(!finds(analyzer, query: "liittyy", in: "Vika on liittymässä."))
    }

    @Test func aMaInfinitiveWithoutSuchANounStaysItsVerb() {
        #expect(finds(analyzer, query: "teki", in: "Hän on tekemässä muutosta."))
        #expect(finds(analyzer, query: "tallentaa", in: "Olin tallentamassa tiedostoa."))
    }
}
