import Foundation
import Testing

@testable import MIME

/// Invalid bytes in a declared charset become U+FFFD, one per bad sequence, and large garbage
/// is normalised by ICU (linear) to the same NFC text Foundation gives. Speed is measured outside
/// the tests (issue 17: a 30 MB body of random bytes declared UTF-16 took 15 s).
@Suite("Invalid input in declared charsets")
struct InvalidCharsetInputTests {
    private func decode(_ bytes: [UInt8], _ charset: String) -> (text: String, problems: Charset.Problems) {
        Charset(declared: charset).decode(bytes)
    }

    @Test func unpairedSurrogatesAndAnOddByteInUTF16BecomeReplacementCharacters() {
        // 'A', a high surrogate followed by 'B', a lone low surrogate, 'C', then half a code unit.
        let bytes: [UInt8] = [0x41, 0x00, 0x3D, 0xD8, 0x42, 0x00, 0x00, 0xDC, 0x43, 0x00, 0x44]
        let result = decode(bytes, "utf-16le")
        #expect(result.text == "A\u{FFFD}B\u{FFFD}C\u{FFFD}")
        #expect(result.problems.contains(.invalidCharacters))
        #expect(decode([0x00, 0x41, 0xDC, 0x00, 0x00, 0x42], "utf-16be").text == "A\u{FFFD}B")
    }

    @Test func invalidUTF8SequencesBecomeOneReplacementCharacterEach() {
        let result = decode([0x61, 0xFF, 0x62, 0xC3, 0x63, 0xE2, 0x82, 0x64, 0xED, 0xA0, 0x80, 0x65], "utf-8")
        #expect(result.text == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}\u{FFFD}\u{FFFD}e")
        #expect(result.problems.contains(.invalidCharacters))
    }

    @Test func randomBytesDeclaredUTF16DecodeToValidTextOfTheRightLength() {
        var generator = SeededGenerator(seed: 17)
        let bytes = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let result = decode(bytes, "utf-16le")
        // Every code unit is one character, a surrogate pair one, anything unpaired one U+FFFD.
        let units = stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }
        var expected = 0
        var index = 0
        while index < units.count {
            let unit = units[index]
            if (0xD800...0xDBFF).contains(unit), index + 1 < units.count, (0xDC00...0xDFFF).contains(units[index + 1]) {
                index += 2
            } else {
                index += 1
            }
            expected += 1
        }
        #expect(result.text.unicodeScalars.count + nulCount(units) == expected)
    }

    private func nulCount(_ units: [UInt16]) -> Int { units.filter { $0 == 0 }.count }

    @Test func normalisingGarbageGivesCanonicallyEquivalentNFC() {
        // Letters, combining marks, Hangul jamo and syllables in random order: composition has
        // plenty to rearrange.
        let ranges: [ClosedRange<UInt32>] = [
            0x41...0x7A, 0xC0...0x24F, 0x300...0x36F, 0x1100...0x11FF, 0xAC00...0xD7A3, 0x1E00...0x1EFF,
        ]
        var generator = SeededGenerator(seed: 12)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<30_000 {
            let range = ranges[Int(generator.next() % UInt64(ranges.count))]
            let value = range.lowerBound + UInt32(generator.next() % UInt64(range.count))
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        let text = String(scalars)
        let normalized = TextNormalization.normalize(text)
        #expect(normalized == text)  // String equality is canonical equivalence
        let bytes = Array(normalized.utf8)
        #expect(bytes != Array(text.utf8))
        #expect(CanonicalComposition.nfc(bytes).map { Array($0.utf8) } == bytes)

        #expect(TextNormalization.normalize("e\u{301}").unicodeScalars.elementsEqual(["\u{E9}"]))
        #expect(TextNormalization.normalize("\u{1100}\u{1161}\u{11A8}").unicodeScalars.elementsEqual(["\u{AC01}"]))
        #expect(TextNormalization.normalize("a\u{302}\u{323}").unicodeScalars.elementsEqual(["\u{1EAD}"]))
        #expect(CanonicalComposition.nfc([]) == "")
    }
}
