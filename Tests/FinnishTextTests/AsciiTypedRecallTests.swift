import Testing
@testable import FinnishText

/// A word typed without ä and ö finds what the dotted word finds, over real word forms.
@Suite struct AsciiTypedRecallTests {
    /// Each of ``dottedWordForms`` is a document; each is queried as written and folded to ASCII.
    /// Recall is the share of (query, document) hits of the dotted query that the ASCII-typed query
    /// also makes.
    @Test func asciiTypedFormsFindWhatTheirDottedFormsFind() throws {
        let analyzer = try FinnishAnalyzer()
        #expect(dottedWordForms.count >= 200)
        let documents = dottedWordForms.map { documentTerms(analyzer, $0) }
        var expectedHits = 0
        var foundHits = 0
        var misses: [String] = []
        for form in dottedWordForms {
            let typed = asciiTyped(form)
            let dotted = Set(analyzer.queryTerms(forWord: form))
            let ascii = Set(analyzer.queryTerms(forWord: typed))
            let expected = documents.indices.filter { !documents[$0].isDisjoint(with: dotted) }
            let found = expected.filter { !documents[$0].isDisjoint(with: ascii) }
            expectedHits += expected.count
            foundHits += found.count
            if found.count < expected.count {
                misses.append("\(typed) (\(form)): \(found.count)/\(expected.count)")
            }
        }
        let recall = Double(foundHits) / Double(max(expectedHits, 1))
        #expect(recall >= 0.99, "recall \(recall); misses: \(misses.joined(separator: ", "))")
    }

    /// Stems whose vowels are only `e` and `i` take front-vowel endings; typed in ASCII, the ending
    /// is the only place the dots were lost, and the ASCII form may even read as an odd compound
    /// (`virheilta` = `virhe` + `ilta`, "error evening").
    @Test(arguments: [
        ("virheilta", "Ei virheiltä voi välttyä."),
        ("tililta", "Summa veloitettiin tililtä."),
        ("viestia", "En saanut viestiä."),
        ("liitteita", "Liitteitä oli kaksi."),
        ("netista", "Tilasin netistä."),
        ("kayttajalta", "Kysyimme käyttäjältä."),
    ])
    func asciiTypedFrontVowelEndingsFindTheirWords(query: String, document: String) throws {
        let analyzer = try FinnishAnalyzer()
        #expect(finds(analyzer, query: query, in: document))
    }

    private func asciiTyped(_ word: String) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.map { scalar in
            switch scalar {
            case "ä": "a"
            case "ö": "o"
            default: scalar
            }
        }))
    }
}
