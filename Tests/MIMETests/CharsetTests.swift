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

    /// Senders label text with a name and write its superset's bytes; the WHATWG labels say which
    /// superset reads them (``CharsetLabels``).
    @Test func mislabelledCharsetsDecodeAsTheirSuperset() {
        // GBK-only characters (丂 0x8140, 镕 0xE946) and GB2312 ones (你好) under "gb2312".
        let gbk: [UInt8] = [0x81, 0x40, 0xE9, 0x46, 0xC4, 0xE3, 0xBA, 0xC3]
        for label in ["gb2312", "GB2312", "gbk", "x-gbk", "chinese", "gb18030"] {
            #expect(decode(gbk, label).0 == "丂镕你好")
            #expect(decode(gbk, label).1.isEmpty)
        }
        // Unified Hangul Code (windows-949) beyond EUC-KR: 갂 is 0x8141.
        for label in ["euc-kr", "ks_c_5601-1987", "KS_C_5601-1987", "korean"] {
            #expect(decode([0x81, 0x41, 0xB0, 0xA1], label) == ("갂가", []))
        }
        // windows-31j beyond Shift_JIS: NEC's ① (0x8740) and IBM's ⅰ (0xEEEF).
        for label in ["shift_jis", "sjis", "x-sjis", "ms_kanji"] {
            #expect(decode([0x87, 0x40, 0xEE, 0xEF, 0x82, 0xA0], label) == ("①ⅰあ", []))
        }
        // 0x80–0x9F under a Latin-1 or ASCII name are windows-1252's € and curly quotes.
        let curly: [UInt8] = [0x80, 0x20, 0x93, 0x71, 0x94, 0x20, 0x97, 0x20, 0xE4]
        for label in ["iso-8859-1", "ISO_8859-1", "latin1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968"] {
            #expect(decode(curly, label).0 == "€ “q” — ä")
        }
        #expect(decode([0x80, 0xF0, 0xFD], "iso-8859-9").0 == "€ğı")
        #expect(decode([0x80, 0xA1], "tis-620").0 == "€ก")
        #expect(decode([0xA3, 0xE1, 0xA4, 0xA4], "big5").0 == "€中")
        #expect(decode([0xA4], "iso-8859-15").0 == "€")
    }

    @Test func asciiLabelsReadValidUTF8AsUTF8() {
        #expect(decode(Array("päivä".utf8), "us-ascii") == ("päivä", []))
        #expect(decode([0x70, 0xE4], "us-ascii") == ("pä", .invalidCharacters))
    }

    @Test func utf16LabelsFollowTheByteOrderMark() {
        #expect(decode([0x48, 0x00, 0x65, 0x00], "utf-16").0 == "He")
        #expect(decode([0xFE, 0xFF, 0x00, 0x48, 0x00, 0x65], "utf-16").0 == "He")
        #expect(decode([0xFF, 0xFE, 0x48, 0x00], "unicode").0 == "H")
        #expect(decode([0x00, 0x48, 0x00, 0x65], "utf-16be").0 == "He")
    }

    /// The standard's "replacement" labels are real encodings in mail.
    @Test func iso2022EncodingsAreDecoded() {
        let japanese: [UInt8] = [27, 36, 66, 36, 51, 36, 115, 36, 75, 36, 65, 36, 79, 27, 40, 66]
        #expect(decode(japanese, "iso-2022-jp") == ("こんにちは", []))
        let korean: [UInt8] = [27, 36, 41, 67, 14, 62, 72, 51, 103, 15]
        #expect(decode(korean, "iso-2022-kr") == ("안녕", []))
    }

    @Test func gbkTextLabelledGB2312InAMessage() throws {
        let message = try parse("""
            From: =?gb2312?B?gUDpRrGouOY=?= <a@example.cn>
            Subject: =?gb2312?B?gUDpRrGouOY=?=
            Content-Type: text/plain; charset=gb2312
            Content-Transfer-Encoding: base64

            gUDpRrGouOY=
            """)
        #expect(message.subject == "丂镕报告")
        #expect(message.from.first?.name == "丂镕报告")
        #expect(message.plainText == "丂镕报告")
        #expect(message.defects.isEmpty)
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
