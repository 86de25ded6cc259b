import Testing
@testable import FinnishText

@Suite struct SegmentationTests {
    let analyzer: FinnishAnalyzer

    init() throws {
        analyzer = try FinnishAnalyzer()
    }

    @Test func abbreviationsWithCaseEndingsStayWholeAndTheirStemIsFound() {
        #expect(analyzer.words(in: "EU:n direktiivi ja SMS:llä lähetetty") == ["EU:n", "direktiivi", "ja", "SMS:llä", "lähetetty"])
        // Voikko's base form `EU` is already there as the surface part `eu`, so it is not repeated.
        #expect(wordTerms(analyzer, "EU:n")[0] == ["eu:n", "eu"])
        #expect(wordTerms(analyzer, "SMS:llä")[0].prefix(2) == ["sms:llä", "sms"])
        #expect(finds(analyzer, query: "EU", in: "EU:n tietosuoja-asetus"))
        #expect(finds(analyzer, query: "SMS", in: "Lähetimme koodin SMS:llä."))
        #expect(finds(analyzer, query: "SMS:ää", in: "Lähetimme koodin SMS:llä."))
    }

    @Test func numbersAndDatesAreKeptWholeAsSurfaceForms() {
        #expect(analyzer.words(in: "Eräpäivä 12.3.2024, summa 49,90 € ja 5G-liittymä.")
            == ["Eräpäivä", "12.3.2024", "summa", "49,90", "ja", "5G", "liittymä"])
        #expect(wordTerms(analyzer, "12.3.2024") == [["12.3.2024"]])
        #expect(analyzer.queryTerms(forWord: "12.3.2024") == ["12.3.2024"])
        #expect(wordTerms(analyzer, "0401234567") == [["0401234567"]])
    }

    @Test func punctuationAndWhitespaceYieldNothing() {
        #expect(wordTerms(analyzer, " ,.;:!? -- () \n\t … «» € % ").isEmpty)
        #expect(analyzer.words(in: "Hei!!! Kiitos...").count == 2)
    }

    @Test func emailAddressesYieldTheirPieces() {
        let terms = documentTerms(analyzer, "matti.virtanen@example.com")
        #expect(terms.isSuperset(of: ["matti.virtanen@example.com", "matti", "virtanen", "example.com"]))
        #expect(finds(analyzer, query: "virtanen", in: "Lähettäjä: matti.virtanen@example.com"))
    }

    @Test func byteRangesPointAtTheOriginalWordsEvenAfterMultiByteLetters() {
        let text = "Hyvä asiakas, häiriö Äänekoskella — puhelinlaskusta ✓ é."
        var ranges: [(String, Range<Int>, Bool)] = []
        analyzer.analyzeDocument(text) { term, range, colocated in ranges.append((term, range, colocated)) }
        let utf8 = Array(text.utf8)
        let surfaces = ranges.filter { !$0.2 }.map { String(decoding: utf8[$0.1], as: UTF8.self) }
        #expect(surfaces == ["Hyvä", "asiakas", "häiriö", "Äänekoskella", "puhelinlaskusta", "é"])
        // All forms of one word carry the same range.
        let compound = ranges.filter { $0.0 == base("lasku") || $0.0 == "puhelinlaskusta" }
        #expect(compound.count == 2 && compound[0].1 == compound[1].1)
        // The byte-level API agrees.
        var byteRanges: [Range<Int>] = []
        var copy = text
        copy.withUTF8 { bytes in
            analyzer.analyzeDocument(utf8: bytes) { _, range, colocated in if !colocated { byteRanges.append(range) } }
        }
        #expect(byteRanges == ranges.filter { !$0.2 }.map(\.1))
    }

    @Test func termsOfOneWordAreColocated() {
        var flags: [Bool] = []
        analyzer.analyzeDocument("Lasku tuli") { _, _, colocated in flags.append(colocated) }
        // lasku, \1lasku | tuli, \1tuli, \1tulla
        #expect(flags.first == false)
        #expect(flags.filter { !$0 }.count == 2)
    }

    @Test func reentrantUseFromTheEmitCallbackIsSafe() {
        var inner: [[String]] = []
        analyzer.analyzeDocument("lasku tuli") { term, _, colocated in
            if !colocated { inner.append(analyzer.words(in: "yksi kaksi")) }
        }
        #expect(inner == [["yksi", "kaksi"], ["yksi", "kaksi"]])
    }
}
