import Foundation
import Testing

@testable import Formats

@Suite("WebVTT transcripts")
struct WebVTTTests {
    @Test func readsTheFixtureWithVoicesSettingsNotesAndTags() throws {
        let transcript = try WebVTT.read(path: Fixture.path("transcripts/call.vtt"))
        #expect(transcript.cues == [
            TranscriptCue(identifier: "1", start: 0, end: 8, speaker: "Asiakaspalvelija", text: "Esimerkkiverkko Oy, asiakaspalvelu, Mikko, miten voin auttaa?"),
            TranscriptCue(identifier: "kysymys-1", start: 8, end: 16.5, speaker: "Asiakas", text: "Puhelinlaskussani on outo maksu\nja haluan tehdä reklamaation."),
            TranscriptCue(identifier: nil, start: 16.5, end: 20, speaker: "Asiakaspalvelija", text: "Tarkistan asian. Hetki\u{A0}vain & kiitos."),
            TranscriptCue(identifier: "5", start: 3625, end: 3629, speaker: "Asiakas", text: "Selvä <3 äö \u{200E}kiitos\u{200F}"),
            TranscriptCue(identifier: "5", start: 3625, end: 3629, speaker: "Asiakaspalvelija", text: "Hyvää päivänjatkoa!"),
        ])
        #expect(transcript.skippedBlocks == [Transcript.SkippedBlock(line: 23, reason: "no cue timing ('start --> end') in the block")])
        #expect(transcript.speakers == ["Asiakaspalvelija", "Asiakas"])
        #expect(transcript.text == """
            Asiakaspalvelija: Esimerkkiverkko Oy, asiakaspalvelu, Mikko, miten voin auttaa?
            Asiakas: Puhelinlaskussani on outo maksu ja haluan tehdä reklamaation.
            Asiakaspalvelija: Tarkistan asian. Hetki\u{A0}vain & kiitos.
            Asiakas: Selvä <3 äö \u{200E}kiitos\u{200F}
            Asiakaspalvelija: Hyvää päivänjatkoa!
            """)
    }

    @Test func malformedTimingsAreSkippedAndListed() throws {
        let transcript = try WebVTT.parse("""
            WEBVTT

            00:01.000 --> 00:0x.000
            <v Asiakas>Rikki

            00:02.000 --> 00:03
            Sekunnit ilman murto-osaa kelpaavat.

            00:05.000 --> 00:04.000
            Loppuu ennen alkua.

            00:61.000 --> 01:02.000
            Minuutissa on 60 sekuntia.

            00:06.000 --> 00:07.000
            <v Asiakas>Ehjä
            """)
        #expect(transcript.cues.map(\.text) == ["Sekunnit ilman murto-osaa kelpaavat.", "Ehjä"])
        #expect(transcript.cues.first?.end == 3)
        #expect(transcript.skippedBlocks.map(\.line) == [3, 9, 12])
        #expect(transcript.skippedBlocks.first?.reason == "malformed cue timing '00:01.000 --> 00:0x.000'")
        #expect(transcript.skippedBlocks[1].reason == "cue ends before it starts")
    }

    @Test func headerVariants() throws {
        #expect(throws: WebVTTError.missingHeader(firstLine: "WEBVTTX")) { try WebVTT.parse("WEBVTTX\n\n00:01.000 --> 00:02.000\nx") }
        #expect(throws: WebVTTError.missingHeader(firstLine: "1")) { try WebVTT.parse("1\n00:00:01,000 --> 00:00:02,000\nSRT\n") }
        #expect(throws: WebVTTError.missingHeader(firstLine: "")) { try WebVTT.parse("") }
        #expect(try WebVTT.parse("WEBVTT").cues.isEmpty)
        #expect(try WebVTT.parse("WEBVTT\tlitterointi\r00:01.000 --> 00:02.000\rSuoraan otsikon perään\r").cues.map(\.text) == ["Suoraan otsikon perään"])
    }

    @Test func cueTextMarkup() throws {
        let transcript = try WebVTT.parse("""
            WEBVTT

            01:02:03.456 --> 01:02:04.000 vertical:rl size:50%
            <v>Nimetön</v> <lang fi><ruby>kanji<rt>kana</rt></ruby></lang> 1 < 2 &foo; &amp;amp;
            NOTE tämä on tekstiä, koska se on vihjeen sisällä
            """)
        let cue = try #require(transcript.cues.first)
        #expect(cue.start == 3723.456)
        #expect(cue.speaker == nil)
        #expect(cue.text == "Nimetön kanjikana 1 < 2 &foo; &amp;\nNOTE tämä on tekstiä, koska se on vihjeen sisällä")
    }

    @Test func aTimingLineInsideCueTextStartsTheNextCue() throws {
        let transcript = try WebVTT.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>Yksi\n00:02.000 --> 00:03.000\n<v B>Kaksi\n")
        #expect(transcript.cues.map(\.speaker) == ["A", "B"])
        #expect(transcript.text == "A: Yksi\nB: Kaksi")
    }

    @Test(arguments: [
        ("00:01.000", 1.0), ("00:00:01.500", 1.5), ("123:00:00.000", 442_800.0), ("59:59.999", 3599.999),
        ("00:01,250", 1.25),
    ])
    func timestamps(text: String, seconds: Double) {
        #expect(WebVTTTimestamp.seconds(Substring(text)) == seconds)
    }

    @Test(arguments: ["1.000", "00:60.000", "0:01.000", "00:01:02:03.000", "aa:bb.ccc", "00:01.", ""])
    func invalidTimestamps(text: String) {
        #expect(WebVTTTimestamp.seconds(Substring(text)) == nil)
    }
}
