import Foundation
@testable import Archive
import Testing

@Suite struct DigestAndCompressionTests {
    @Test func sha256MatchesKnownVectors() {
        #expect(ContentDigest(of: []).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentDigest(of: Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func storedBytesRoundTrip() throws {
        let text = Array(String(repeating: "Hyvä asiakas, laskunne eräpäivä on 15.3.2025. ", count: 200).utf8)
        let packed = StoredBytes(packing: text)
        #expect(packed.compression == .zstd)
        #expect(packed.data.count < text.count / 4)
        #expect(try packed.unpacked() == text)

        let tiny: [UInt8] = [1, 2, 3]
        let kept = StoredBytes(packing: tiny)
        #expect(kept.compression == .none)
        #expect(try kept.unpacked() == tiny)
    }

    @Test func corruptCompressedDataIsReportedNotReturned() {
        let text = Array(String(repeating: "reklamaatio ", count: 100).utf8)
        var packed = StoredBytes(packing: text)
        packed.data[packed.data.count / 2] ^= 0xFF
        packed.data.removeLast(4)
        #expect(throws: CorruptOriginal.self) { try packed.unpacked() }
    }

    @Test func timestampsRoundTrip() {
        let date = Timestamp.parse("2025-03-01T12:34:56Z")
        #expect(date.map(Timestamp.format) == "2025-03-01T12:34:56Z")
        #expect(Timestamp.parse("yesterday") == nil)
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_700_000_009.9)) == "2023-11-14T22:13:29Z")
        #expect(Timestamp.parse("0999-12-31T23:59:59Z").map(Timestamp.format) == "0999-12-31T23:59:59Z")
    }
}
