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
