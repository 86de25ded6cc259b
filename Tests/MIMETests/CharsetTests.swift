import Testing

@testable import MIME

@Suite("Charsets")
struct CharsetTests {
    private func decode(_ bytes: [UInt8], _ charset: String?) -> (String, Charset.Problems) {
        let result = Charset(declared: charset).decode(bytes)
        return (result.text, result.problems)
    }

    @Test func latin1AndWindows1252() {
        #expect(decode([0x48, 0xE4, 0x6E], "iso-8859-1").0 == "Hän")
        #expect(decode([0x80, 0x20, 0x93, 0x78, 0x94], "windows-1252").0 == "€ “x”")
        #expect(decode([0xA4], "ISO-8859-15").0 == "€")
        #expect(decode([0xA4], "\"latin1\"").0 == "¤")
    }

    @Test func charsetsThroughICU() {
        #expect(decode([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "koi8-r").0 == "Привет")
        #expect(decode(Array("Hi Mom -+Jjo--!".utf8), "utf-7").0 == "Hi Mom -☺-!")
        #expect(decode([0xC4, 0xE3, 0xBA, 0xC3], "gb2312").0 == "你好")
        #expect(decode([0xE4], "iso-8859-2").0 == "ä")
        #expect(decode([0xB9], "windows-1250").0 == "ą")
        #expect(decode([0x00, 0x41, 0x00, 0xE4], "utf-16be").0 == "Aä")
        #expect(decode([0x82, 0xA0], "shift_jis").0 == "あ")
    }

    @Test func unknownOrMissingCharsetGuessesUTF8ThenWindows1252() {
        let utf8 = decode(Array("päivä".utf8), "x-unknown-utf-8")
        #expect(utf8.0 == "päivä")
        #expect(utf8.1.contains(.unknownCharset))

        let legacy = decode([0x70, 0xE4, 0x80], "no-such-charset")
        #expect(legacy.0 == "pä€")
        #expect(legacy.1.contains(.unknownCharset))

        let missing = decode([0x70, 0xE4], nil)
        #expect(missing.0 == "pä")
        #expect(missing.1.contains(.unknownCharset))

        let ascii = decode(Array("plain".utf8), nil)
        #expect(ascii.0 == "plain")
        #expect(ascii.1.isEmpty)
    }

    @Test func invalidUTF8IsReplacedAndReported() {
        let result = decode([0x61, 0xFF, 0x62], "utf-8")
        #expect(result.0 == "a\u{FFFD}b")
        #expect(result.1 == .invalidCharacters)
    }

    @Test func nulCharactersAreDropped() {
        let result = decode([0x61, 0x00, 0x62], "utf-8")
        #expect(result.0 == "ab")
        #expect(result.1.contains(.nulBytes))
    }

    @Test func textPartsInMessages() throws {
        let message = try Fixture.message("defects.eml")
        #expect(message.plainText == "Tekstin keskellä on NUL-merkki.")
        #expect(message.subject == "Yhteydenotto ääkkösillä")
        for kind: Defect.Kind in [.unknownCharset, .nulBytes, .undeclared8BitHeader, .mixedLineEndings, .invalidBase64] {
            #expect(message.defectKinds.contains(kind))
        }
    }
}
