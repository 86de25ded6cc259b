import Testing
@testable import Extract

@Suite struct ZipArchiveTextTests {
    let extractor = ExtractFixtures.extractor

    @Test func eachDocumentInsideIsReadUnderItsPath() throws {
        let result = try ExtractFixtures.expectReads("liitteet.zip", as: .zip, words: ["asiakaskirje.txt", "muistio.txt"])
        let text = try #require(result.text)
        #expect(text.hasPrefix("asiakirjat/asiakaskirje.docx\n"))
        #expect(text.contains("\n\nmuistio.txt\nMuistio puhelinkeskustelusta"))
    }

    @Test func nestedGivesTheEntryAStepNames() throws {
        let file = try ExtractFixtures.file("liitteet.zip")
        let reader = ZipArchiveText(extractor: extractor, depth: 0)
        let docx = try #require(reader.nested(at: .archiveEntry("asiakirjat/asiakaskirje.docx"), in: file))
        #expect(docx.bytes == (try ExtractFixtures.bytes("asiakaskirje.docx")))
        #expect(docx.filename == "asiakirjat/asiakaskirje.docx")
        #expect(reader.nested(at: .archiveEntry("puuttuu.txt"), in: file) == nil)
        #expect(reader.nested(at: .pdfPage(1), in: file) == nil)
    }

    @Test func problemsOfEntriesNameTheArchiveAndTheEntry() throws {
        var writer = TestZipWriter()
        writer.add("hyva.txt", Array("Sopimus on voimassa".utf8))
        writer.add("rikki.docx", [0x50, 0x4B, 0x03, 0x04] + Array("ei zip".utf8))
        let result = extractor.extract(AttachmentFile(filename: "paketti.zip", contentType: "application/zip", bytes: writer.bytes()))
        #expect(result.text == "hyva.txt\nSopimus on voimassa")
        #expect(result.problems.map(\.description) == ["paketti.zip › rikki.docx: the file is too short to be a ZIP archive (10 bytes) (malformed)"])
    }

    @Test func aNestedBombStopsAtTheLimitsWithAReason() throws {
        // A smaller budget than the default keeps the test quick; the work is bounded the same way.
        var limits = ExtractionLimits.default
        limits.maxExpandedBytes = 8 << 20
        let result = AttachmentExtractor(limits: limits, tools: ExtractionTools(paths: [:]))
            .extract(try ExtractFixtures.file("hostile/zip-bomb-nested.zip"))
        #expect(result.text == nil)
        #expect(result.problems.count == ZipArchiveText.maxProblemsListed + 1)
        #expect(result.problems.allSatisfy { $0.reason == .overLimit })
        #expect(result.problems.last?.detail.contains("more problems inside, the first: zip-bomb-nested.zip › taso2-") == true)
    }

    @Test func archivesNestedBeyondTheDepthLimitAreReported() throws {
        let result = extractor.extract(try ExtractFixtures.file("hostile/zip-nested-beyond-depth.zip"))
        #expect(result.text == nil)
        let problem = try #require(result.problems.first)
        #expect(problem.reason == .nestingTooDeep)
        #expect(problem.location == "zip-nested-beyond-depth.zip › taso7.zip › taso6.zip › taso5.zip › taso4.zip › taso3.zip")
    }

    @Test func hostileArchivesGiveAProblemWithAReason() throws {
        let expected: [(String, ExtractionProblem.Reason, String)] = [
            ("zip-overlapping-entries.zip", .malformed, "overlap"),
            ("zip-looping-central-directory.zip", .malformed, "declares 65535 entries"),
            ("zip-declared-size-lies.zip", .malformed, "declares 10 bytes but holds 500010"),
            ("zip-truncated.zip", .malformed, "no end of central directory record"),
            ("zip-encrypted-entry.zip", .encrypted, "is encrypted"),
        ]
        for (name, reason, detail) in expected {
            let result = extractor.extract(try ExtractFixtures.file("hostile/\(name)"))
            let problem = try #require(result.problems.first, "\(name)")
            #expect(problem.reason == reason, "\(name)")
            #expect(problem.detail.contains(detail), "\(name): \(problem.detail)")
        }
    }

    @Test func aZipOf100000EntriesIsRefusedWithoutReadingThem() throws {
        var writer = TestZipWriter()
        for index in 0..<100_000 { writer.add("tiedosto\(index).txt", Array("x".utf8)) }
        let result = extractor.extract(AttachmentFile(filename: "paljon.zip", contentType: "", bytes: writer.bytes()))
        #expect(result.text == nil)
        #expect(result.problems.map(\.reason) == [.overLimit])
    }

    @Test func theExpansionBudgetIsSharedWithNestedArchives() throws {
        var inner = TestZipWriter()
        inner.add("a.txt", Array(repeating: UInt8(ascii: "a"), count: 600))
        var outer = TestZipWriter()
        outer.add("1.zip", inner.bytes())
        outer.add("2.zip", inner.bytes())
        var limits = ExtractionLimits.default
        limits.maxExpandedBytes = 1_400
        let result = AttachmentExtractor(limits: limits, tools: ExtractionTools(paths: [:]))
            .extract(AttachmentFile(filename: "o.zip", contentType: "", bytes: outer.bytes()))
        // The outer entries take about 1,400 bytes, so the nested ones cannot expand their 600 each.
        #expect(result.problems.contains { $0.reason == .overLimit })
    }
}
