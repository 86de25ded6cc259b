import Testing
@testable import FinnishText

@Suite struct ReadingTests {
    @Test(arguments: [
        ("sulkemisen", "sulkeminen"), ("sulkeminen", "sulkeminen"), ("ottamista", "ottaminen"),
        ("liittymänsulkemisesta", "liittymänsulkeminen"), ("miettimisiä", "miettiminen"),
        ("tekemiseni", "tekeminen"), ("sulkeminenkin", "sulkeminen"),
    ])
    func actionNounNominative(written: String, nominative: String) {
        #expect(ActionNoun.nominative(ofWritten: written) == nominative)
    }

    @Test func wordsWithoutTheSuffixHaveNoActionNoun() {
        #expect(ActionNoun.nominative(ofWritten: "sulkea") == nil)
        #expect(ActionNoun.nominative(ofWritten: "mies") == nil)
    }

    @Test func capitalsAreSeenInAnyScript() {
        #expect(LetterCase.containsUppercase("Päivi"))
        #expect(LetterCase.containsUppercase("ÄITI"))
        #expect(LetterCase.containsUppercase("eÅ"))
        #expect(!LetterCase.containsUppercase("päivien"))
        #expect(!LetterCase.containsUppercase("ääkkönen"))
        #expect(!LetterCase.containsUppercase("eu:n"))
    }

    @Test func namesGiveWayToCommonReadingsOnlyInLowerCase() {
        let analyses = [
            VoikkoAnalysis(baseForm: "Päivi", wordBases: "+Päivi(Päivi)", wordClass: "etunimi"),
            VoikkoAnalysis(baseForm: "päivä", wordBases: "+päivä(päivä)", wordClass: "nimisana"),
        ]
        #expect(ReadingSelection.analyses(analyses, writtenWithCapitals: false).map(\.baseForm) == ["päivä"])
        #expect(ReadingSelection.analyses(analyses, writtenWithCapitals: true) == analyses)
        let nameOnly = [VoikkoAnalysis(baseForm: "Virtanen", wordBases: "", wordClass: "sukunimi")]
        #expect(ReadingSelection.analyses(nameOnly, writtenWithCapitals: false) == nameOnly)
    }
}
