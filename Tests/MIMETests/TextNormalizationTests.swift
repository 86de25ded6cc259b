import Testing

@testable import MIME

@Suite("Extracted text normalisation")
struct TextNormalizationTests {
    @Test func decomposedLettersAreComposed() {
        // "ä" written as a + U+0308, "Å" as A + U+030A: the analyzer and the customer see "ä", "Å".
        let text = TextNormalization.normalize("La\u{0308}hetin laskun \u{0041}\u{030A}lando\r\n")
        #expect(Array(text.unicodeScalars) == Array("Lähetin laskun Ålando\n".unicodeScalars))
    }

    @Test func textThatIsNFCStaysByteForByte() {
        // Below U+0300 (Latin-1, Latin Extended), and above it where ICU's quick check says yes:
        // dashes, quotes, the euro sign, Cyrillic.
        for text in ["Hyvä asiakas, laskunne on 12,90 ¤.", "Summa – 12 € – “maksettu” ’ok’", "Привет, счёт"] {
            #expect(Array(TextNormalization.normalize(text).utf8) == Array(text.utf8))
        }
    }

    @Test func singletonsAndCombiningMarksAfterTheFastPathAreNormalized() {
        // U+212B ANGSTROM SIGN is a singleton (NFC: U+00C5); U+0301 after "é" text is combining.
        #expect(Array(TextNormalization.normalize("\u{212B}ngström").unicodeScalars) == Array("\u{00C5}ngström".unicodeScalars))
        #expect(Array(TextNormalization.normalize("cafe\u{0301} – €").unicodeScalars) == Array("caf\u{00E9} – €".unicodeScalars))
    }

    @Test func lineEndsAndTrailingBlanks() {
        #expect(TextNormalization.normalize("a  \r\nb\t\rc \n") == "a\nb\nc\n")
    }
}
