import Testing
@testable import FinnishText

@Suite struct FoldingTests {
    @Test(arguments: [
        ("LASKU", "lasku"), ("ÄÄNI", "ääni"), ("Öljy", "öljy"), ("Åland", "åland"),
        ("Café", "cafe"), ("Müller", "muller"), ("naïve", "naive"), ("Straße", "strasse"),
        ("ﬁnnish", "finnish"), ("Ｆｕｌｌ", "full"), ("Ångström", "ångström"), ("e\u{301}", "e"),
        ("A\u{308}iti", "äiti"), ("Šakki", "sakki"),
    ])
    func foldsCaseAndDiacriticsButKeepsFinnishAndSwedishLetters(written: String, folded: String) {
        #expect(Normalizer.fold(written) == folded)
    }

    @Test func swedishIsNotMangled() throws {
        let analyzer = try FinnishAnalyzer()
        // Not Finnish for Voikko, and å means Swedish: surface only, å kept.
        #expect(wordTerms(analyzer, "Återbetalning") == [["återbetalning"]])
        #expect(analyzer.queryTerms(forWord: "återbetalning") == ["återbetalning"])
        #expect(finds(analyzer, query: "ÅTERBETALNING", in: "Begäran om återbetalning"))
        #expect(!finds(analyzer, query: "aterbetalning", in: "Begäran om återbetalning"))
    }

    @Test func englishKeepsItsSurfaceForm() throws {
        let analyzer = try FinnishAnalyzer()
        let words = wordTerms(analyzer, "Please refund the invoice")
        #expect(words.map { $0[0] } == ["please", "refund", "the", "invoice"])
        // No Finnish base forms are invented for English words.
        #expect(!words.joined().contains { $0.hasPrefix("\u{1}") })
        #expect(finds(analyzer, query: "invoice", in: "Please refund the invoice"))
        // Short words get no stem at all.
        #expect(words[2] == ["the"])
    }

    @Test func asciiTypedQueriesFindDottedWords() throws {
        let analyzer = try FinnishAnalyzer()
        #expect(analyzer.queryTerms(forWord: "hyvitysta").contains(base("hyvitys")))
        #expect(finds(analyzer, query: "hyvitysta", in: "Pyysin hyvitystä."))
        #expect(finds(analyzer, query: "hairio", in: "Verkossa on häiriö."))
        #expect(finds(analyzer, query: "hairiosta", in: "Ilmoitus häiriöstä"))
        // yhteydenotto is a Finnish word as typed: no variants needed.
        #expect(analyzer.queryTerms(forWord: "yhteydenotto") == ["yhteydenotto", base("yhteydenotto")])
        // An ASCII form that is a Finnish word itself may still have lost its dots: `saa` looks
        // for `saada` and `sää`, `vaara` for `vaara` and `väärä`.
        let saa = analyzer.queryTerms(forWord: "saa")
        #expect(saa.contains(base("saada")) && saa.contains(base("sää")))
        #expect(finds(analyzer, query: "vaara", in: "Väärä laskutus") && finds(analyzer, query: "vaara", in: "Vaara ohi"))
        // But not for a function word: `ala` (alkaa) is not `älä`, the negation verb `ei`.
        #expect(!analyzer.queryTerms(forWord: "ala").contains(base("ei")))
        #expect(!finds(analyzer, query: "ala", in: "En ole saanut laskua"))
        // Typed with dots, a word means what it says: `sää` is not varied.
        #expect(analyzer.queryTerms(forWord: "sää") == ["sää", base("sää")])
        // A name typed without dots finds it written with them, whether Voikko knows the name
        // (`Mäkelä`) or not (`Hölttä`: its front-vowel spelling, the one vowel harmony allows).
        #expect(finds(analyzer, query: "makelan", in: "Terveisin Mäkelä"))
        #expect(finds(analyzer, query: "holtta", in: "Terveisin Hölttä"))
        #expect(AsciiFolding.frontVowelSpelling(of: "holtta") == "hölttä")
        #expect(AsciiFolding.frontVowelSpelling(of: "jalkanen") == "jälkänen")
        #expect(AsciiFolding.frontVowelSpelling(of: "kuusela") == nil)
        // The index is not doubled: documents get no ASCII variants.
        #expect(!documentTerms(analyzer, "häiriö").contains("hairio"))
    }

    @Test func dottedVariantsAreBounded() {
        #expect(Set(AsciiFolding.dottedVariants(of: "hairio")) == ["häirio", "hairiö", "häiriö"])
        #expect(AsciiFolding.dottedVariants(of: "hairio").first == "häiriö")
        #expect(AsciiFolding.dottedVariants(of: "kuu").isEmpty)
        #expect(AsciiFolding.dottedVariants(of: String(repeating: "ao", count: 10)).count == 255)
    }
}
