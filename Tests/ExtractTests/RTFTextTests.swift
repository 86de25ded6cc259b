import Testing
@testable import Extract

@Suite struct RTFTextTests {
    let extractor = ExtractFixtures.extractor

    private func text(_ rtf: String) -> String? {
        extractor.extract(AttachmentFile(filename: "a.rtf", contentType: "", bytes: Array(rtf.utf8))).text
    }

    @Test func aLibreOfficeRTFGivesItsText() throws {
        let result = try ExtractFixtures.expectReads("asiakaskirje.rtf", as: .rtf, words: ["asiakaskirje.txt"])
        #expect(result.text?.contains("sähkölaskussani") == true)
        #expect(result.text?.contains("Times New Roman") == false)  // the font table is skipped
    }

    @Test func codePageBytesUnicodeAndFallbackSkipping() {
        #expect(text(#"{\rtf1\ansi\ansicpg1252 S\'e4hk\'f6lasku\par Hyvityst\'e4}"#) == "Sähkölasku\nHyvitystä")
        #expect(text(#"{\rtf1\ansi\ansicpg1251 \'cf\'f0\'e8\'e2\'e5\'f2}"#) == "Привет")
        #expect(text(#"{\rtf1\uc1 Sopimus\u228?\u8364\'80 loppuu}"#) == "Sopimusä€ loppuu")
        #expect(text(#"{\rtf1\uc2 a\u246\'f6\'f6b{\uc0 \u228}c}"#) == "aöbäc")
        #expect(text(#"{\rtf1 emoji \u-10179?\u-8694?.}"#) == "emoji 😊.")
    }

    @Test func destinationsThatHoldNoTextAreSkipped() {
        let rtf = #"{\rtf1{\fonttbl{\f0 Arial;}}{\colortbl;\red0\green0\blue0;}{\*\generator Writer;}{\info{\title Otsikko}}"#
            + #"{\pict\pngblip 89504e47}Lasku{\field{\*\fldinst HYPERLINK "x"}{\fldrslt linkki}}\tab loppu\line uusi \{aaltosulku\}\\}"#
        #expect(text(rtf) == "Laskulinkki\tloppu\nuusi {aaltosulku}\\")
    }

    @Test func a100000DeepNestingIsSkippedWithAReason() throws {
        let result = extractor.extract(try ExtractFixtures.file("hostile/rtf-nested-groups.rtf"))
        #expect(result.text == "Lasku")
        #expect(result.problems.map(\.description) == ["rtf-nested-groups.rtf: groups are nested deeper than 1000; the deeper ones were skipped (over_limit)"])
    }

    @Test func aBinLongerThanTheFileIsReported() throws {
        let result = extractor.extract(try ExtractFixtures.file("hostile/rtf-huge-bin.rtf"))
        #expect(result.text == "Sopimus")
        #expect(result.problems.map(\.reason) == [.malformed])
        #expect(result.problems.first?.detail.contains("\\bin declares 4000000000 bytes") == true)
        #expect(text(#"{\rtf1 a{\bin3 }}}b}"#) == "ab")
    }

    @Test func theOutputIsBounded() {
        var limits = ExtractionLimits.default
        limits.maxTextBytes = 100
        let small = AttachmentExtractor(limits: limits, tools: ExtractionTools(paths: [:]))
        let rtf = "{\\rtf1 " + String(repeating: "laskutusvirhe ", count: 1_000) + "}"
        let result = small.extract(AttachmentFile(filename: "iso.rtf", contentType: "", bytes: Array(rtf.utf8)))
        #expect((result.text?.utf8.count ?? 0) <= 100)
        #expect(result.problems.map(\.reason) == [.outputTooLarge])
    }
}
