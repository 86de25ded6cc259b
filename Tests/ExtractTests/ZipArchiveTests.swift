import Testing
@testable import Extract

@Suite struct ZipArchiveTests {
    private func open(_ bytes: [UInt8], maxEntries: Int = 1_000) -> Result<ZipArchive, ZipError> {
        Result { () throws(ZipError) in try ZipArchive(bytes: bytes, maxEntries: maxEntries) }
    }

    private func error(_ bytes: [UInt8], maxEntries: Int = 1_000) -> ZipError? {
        if case .failure(let error) = open(bytes, maxEntries: maxEntries) { return error }
        return nil
    }

    @Test func readsAPythonMadeArchiveInCentralDirectoryOrder() throws {
        let archive = try ZipArchive(bytes: try ExtractFixtures.bytes("liitteet.zip"), maxEntries: 10)
        #expect(archive.entries.map(\.name) == ["asiakirjat/", "asiakirjat/asiakaskirje.docx", "muistio.txt"])
        #expect(archive.entries[0].isDirectory)
        var budget = ExpansionBudget(limits: .default)
        let note = try archive.contents(of: archive.entries[2], budget: &budget)
        #expect(String(decoding: note, as: UTF8.self) == (try ExtractFixtures.text("muistio.txt")))
        let docx = try archive.contents(of: archive.entries[1], budget: &budget)
        #expect(docx.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(budget.remainingBytes == ExtractionLimits.default.maxExpandedBytes - note.count - docx.count)
    }

    @Test func namesWithoutTheUTF8FlagAreCodePage437() throws {
        var writer = TestZipWriter()
        writer.entries.append(.init(name: "x", data: Array("lasku".utf8), flags: 0))
        var bytes = writer.bytes()
        // Replace the one-byte name "x" with 0x84 ("ä" in code page 437) in both headers.
        for index in bytes.indices where bytes[index] == UInt8(ascii: "x") { bytes[index] = 0x84 }
        let archive = try ZipArchive(bytes: bytes, maxEntries: 10)
        #expect(archive.entries.first?.name == "ä")
        #expect(CodePage437.decode([0x8E, 0x99, 0x41]) == "ÄÖA")
    }

    @Test func theEndRecordIsFoundBeforeACommentButNotPastTheLongestComment() throws {
        var writer = TestZipWriter()
        writer.add("a.txt", Array("laskutusvirhe".utf8))
        writer.comment = Array(repeating: UInt8(ascii: "k"), count: 0xFFFF)
        #expect(try ZipArchive(bytes: writer.bytes(), maxEntries: 10).entries.count == 1)
        // Bytes after a maximal comment put the record out of reach: no endless backwards scan.
        let tooFar = writer.bytes() + [0]
        #expect(error(tooFar)?.kind == .malformed)
    }

    @Test func truncatedAndEmptyInputsAreMalformed() throws {
        let whole = try ExtractFixtures.bytes("liitteet.zip")
        for length in [0, 10, 21, whole.count / 2, whole.count - 1] {
            #expect(error(Array(whole.prefix(length)))?.kind == .malformed, "prefix of \(length) bytes")
        }
        // Cutting the central directory short after the end record was found.
        var writer = TestZipWriter()
        writer.add("a.txt", [1, 2, 3])
        var bytes = writer.bytes()
        bytes.removeSubrange((bytes.count - 30)..<(bytes.count - 22))
        #expect(error(bytes)?.kind == .malformed)
    }

    @Test func tooManyEntriesAreRefusedBeforeTheyAreRead() throws {
        var writer = TestZipWriter()
        for index in 0..<100_000 { writer.add("\(index).txt", []) }
        let bytes = writer.bytes()
        let refusal = try #require(error(bytes, maxEntries: 1_000))
        #expect(refusal.kind == .overLimit)
        #expect(refusal.detail.contains("65535 entries"))
    }

    @Test func aDirectoryThatDeclaresMoreEntriesThanItHoldsIsMalformed() throws {
        // The hostile fixture: 65,535 entries declared in a 22-byte central directory at offset 0.
        let bytes = try ExtractFixtures.bytes("hostile/zip-looping-central-directory.zip")
        #expect(error(bytes, maxEntries: 100_000)?.kind == .malformed)
    }

    @Test func overlappingEntriesAreRefused() throws {
        let refusal = try #require(error(try ExtractFixtures.bytes("hostile/zip-overlapping-entries.zip")))
        #expect(refusal.kind == .malformed)
        #expect(refusal.detail.contains("overlap"))
    }

    @Test func aDeclaredSizeThatLiesIsAnErrorAndExpansionStopsAtTheLimit() throws {
        let archive = try ZipArchive(bytes: try ExtractFixtures.bytes("hostile/zip-declared-size-lies.zip"), maxEntries: 10)
        var budget = ExpansionBudget(limits: .default)
        #expect(throws: ZipError.self) { try archive.contents(of: archive.entries[0], budget: &budget) }
        // With a small budget, inflating stops at it whatever the entry declares.
        var limits = ExtractionLimits.default
        limits.maxExpandedBytes = 1_000
        var small = ExpansionBudget(limits: limits)
        do {
            _ = try archive.contents(of: archive.entries[0], budget: &small)
            Issue.record("expected the expansion limit")
        } catch {
            #expect(error.kind == .overLimit)
        }
    }

    @Test func aHighRatioEntryIsRefused() throws {
        // Down the first entries of the nested bomb to its 256 MiB of zeros: some level expands
        // more than 200 times its compressed size and is refused.
        var bytes = try ExtractFixtures.bytes("hostile/zip-bomb-nested.zip")
        var refusal: ZipError?
        for _ in 0..<5 where refusal == nil {
            let archive = try ZipArchive(bytes: bytes, maxEntries: 100)
            var budget = ExpansionBudget(limits: .default)
            do {
                bytes = try archive.contents(of: archive.entries[0], budget: &budget)
            } catch {
                refusal = error
            }
        }
        #expect(refusal?.kind == .overLimit)
        #expect(refusal?.detail.contains("times its compressed size") == true)
    }

    @Test func aCorruptedCRCAndAnEncryptedEntryAreReported() throws {
        var writer = TestZipWriter()
        writer.add("a.txt", Array("sopimus".utf8))
        var bytes = writer.bytes()
        bytes[30 + 5] ^= 0xFF  // the first byte of the stored data
        let damaged = try ZipArchive(bytes: bytes, maxEntries: 10)
        var budget = ExpansionBudget(limits: .default)
        #expect(throws: ZipError.malformed("entry \"a.txt\" fails its CRC-32 check")) {
            try damaged.contents(of: damaged.entries[0], budget: &budget)
        }
        let encrypted = try ZipArchive(bytes: try ExtractFixtures.bytes("hostile/zip-encrypted-entry.zip"), maxEntries: 10)
        #expect(throws: ZipError(.encrypted, "entry \"salainen.txt\" is encrypted")) {
            try encrypted.contents(of: encrypted.entries[0], budget: &budget)
        }
    }

    @Test func anUnknownCompressionMethodIsNotRead() throws {
        var writer = TestZipWriter()
        writer.entries.append(.init(name: "a.bin", data: [1, 2, 3], method: 14))
        let archive = try ZipArchive(bytes: writer.bytes(), maxEntries: 10)
        var budget = ExpansionBudget(limits: .default)
        #expect(throws: ZipError(.unsupported, "entry \"a.bin\" uses compression method 14, which is not read")) {
            try archive.contents(of: archive.entries[0], budget: &budget)
        }
    }

    @Test func zip64SizesAndOffsetsAreRead() throws {
        func le(_ value: Int, _ width: Int) -> [UInt8] { (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let data = Array("Sopimus ZIP64-paketissa".utf8)
        let name = Array("iso.txt".utf8)
        let crc = Int(TestZipWriter.crc32(data))
        var bytes = le(0x0403_4B50, 4) + le(45, 2) + le(0x800, 2) + le(0, 2) + le(0, 4) + le(crc, 4)
        bytes += le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4) + le(name.count, 2) + le(20, 2) + name
        bytes += le(1, 2) + le(16, 2) + le(data.count, 8) + le(data.count, 8) + data
        let directoryStart = bytes.count
        bytes += le(0x0201_4B50, 4) + le(45, 2) + le(45, 2) + le(0x800, 2) + le(0, 2) + le(0, 4) + le(crc, 4)
        bytes += le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4) + le(name.count, 2) + le(28, 2) + le(0, 2) + le(0, 2) + le(0, 2)
        bytes += le(0, 4) + le(0xFFFF_FFFF, 4) + name + le(1, 2) + le(24, 2) + le(data.count, 8) + le(data.count, 8) + le(0, 8)
        let directorySize = bytes.count - directoryStart
        let zip64End = bytes.count
        bytes += le(0x0606_4B50, 4) + le(44, 8) + le(45, 2) + le(45, 2) + le(0, 4) + le(0, 4)
        bytes += le(1, 8) + le(1, 8) + le(directorySize, 8) + le(directoryStart, 8)
        bytes += le(0x0706_4B50, 4) + le(0, 4) + le(zip64End, 8) + le(1, 4)
        bytes += le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(0xFFFF, 2) + le(0xFFFF, 2) + le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4) + le(0, 2)
        let archive = try ZipArchive(bytes: bytes, maxEntries: 10)
        #expect(archive.entries.map(\.name) == ["iso.txt"])
        var budget = ExpansionBudget(limits: .default)
        #expect(try archive.contents(of: archive.entries[0], budget: &budget) == data)
        // A ZIP64 record that points past the end is malformed, not a trap.
        var broken = bytes
        broken.replaceSubrange((broken.count - 22 - 12)..<(broken.count - 22 - 4), with: le(1 << 40, 8))
        #expect(error(broken)?.kind == .malformed)
    }
}
