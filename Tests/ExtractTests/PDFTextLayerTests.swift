import Foundation
import Testing
@testable import Extract

/// The in-process PDF text reader: agreement with pdftotext on PDFs from real producers, the text
/// operators on hand-made files, and hostile files (cut, mutated, cyclic, bombs) that must neither
/// crash nor hang.
@Suite struct PDFTextLayerTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/pdf-layer")
    static let fixtures = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".pdf") }.sorted()
    /// Files from producers this reader claims: it must read them, not pass them on.
    static let claimed = [
        "kirje-kaksi-sivua.pdf", "lasku-writer.pdf", "kirje-cairo.pdf", "lasku-chromium.pdf",
        "vikailmoitus-chromium.pdf", "yhdistetty-pdfunite.pdf", "xpdfimport_err.pdf", "shared-mime-info-spec.pdf",
        "fontconfig-user.pdf", "lasku-reportlab.pdf", "lasku-fpdf.pdf", "lasku-fpdf-ttf.pdf",
        "lasku-tesseract-ocr.pdf", "lomake-reportlab.pdf",
    ]

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    @Test func theFixturesAreThere() {
        #expect(Set(Self.claimed).isSubset(of: Set(Self.fixtures)))
    }

    // MARK: Real producers against pdftotext

    @Test(arguments: fixtures)
    func agreesWithPdftotext(_ name: String) throws {
        let result = PDFTextLayer.read(try Self.bytes(name), limits: .default)
        guard case .pages(let pages) = result else {
            #expect(!Self.claimed.contains(name), "\(name): \(result)")
            #expect(Self.reason(result)?.isEmpty != true)
            return
        }
        let pdftotext = try #require(ExtractionTools.installed().path("pdftotext"), "pdftotext is installed by tools/setup.sh")
        let reference = try Self.run(pdftotext, ["-layout", Self.folder.appendingPathComponent(name).path, "-"])
        let agreement = WordAgreement(mine: pages.joined(separator: "\n"), reference: reference)
        print("\(name): \(pages.count) pages, recall \(agreement.recall), precision \(agreement.precision) of \(agreement.referenceWords) words")
        #expect(agreement.referenceWords > 0)
        #expect(agreement.recall >= 0.98, "\(name): recall \(agreement.recall)")
        #expect(agreement.precision >= 0.98, "\(name): precision \(agreement.precision)")
    }

    @Test func aTwoPageWriterLetterKeepsItsPagesLinesAndFinnishLetters() throws {
        guard case .pages(let pages) = PDFTextLayer.read(try Self.bytes("kirje-kaksi-sivua.pdf"), limits: .default) else {
            Issue.record("not read")
            return
        }
        #expect(pages.count == 2)
        let lines = pages[0].split(separator: "\n").map(String.init)
        #expect(lines.contains("Heinäkuu 45210 312 58,40"))
        #expect(lines.contains("Pohjolan Sähkö ja Vesi Oy – Asiakaspalvelu"))
        #expect(pages[0].contains("Äkillisistä häiriöistä") && pages[0].contains("Åbo Akademin"))
        #expect(!pages[0].contains("Toisella sivulla"))
        #expect(pages[1].contains("Toisella sivulla") && pages[1].contains("Päivi Öhman"))
        #expect(pages[1].contains("Sivu 2"))
    }

    @Test func chromiumsIdentityFontsAreReadThroughToUnicode() throws {
        guard case .pages(let pages) = PDFTextLayer.read(try Self.bytes("lasku-chromium.pdf"), limits: .default) else {
            Issue.record("not read")
            return
        }
        #expect(pages.count == 1)
        #expect(pages[0].contains("Liisa Söderström, Åkerikuja 3, 02100 Espoo"))
    }

    @Test func filledInFormFieldsAreReadFromTheirAppearances() throws {
        guard case .pages(let pages) = PDFTextLayer.read(try Self.bytes("lomake-reportlab.pdf"), limits: .default) else {
            Issue.record("not read")
            return
        }
        // The page's own text first, then the fields, as the content stream and /Annots order them.
        #expect(pages == ["Asiakasnumero\nReklamaation aihe\nYhteyshenkilö\n558201\nLaskutusvirhe syyskuussa\nÅsa Mäkinen-Öberg"])
    }

    // MARK: Text operators, fonts and structure on hand-made files

    @Test func kerningGapsAreSpacesAndSmallKerningIsNot() {
        let pdf = HandMadePDF.page(content: "BT /F1 10 Tf 72 700 Td [(Las)-20(ku)-300(virhe)] TJ ET", font: HandMadePDF.courier)
        #expect(PDFTextLayer.read(pdf.bytes(), limits: .default) == .pages(["Lasku virhe"]))
    }

    @Test func verticalMovesStartLinesAndTextOperatorsPlaceText() {
        let content = """
        BT /F1 10 Tf 12 TL 72 700 Td (Ensimm\\344inen rivi) Tj T* (toinen) Tj ( rivi) Tj
        0 -12 TD (kolmas) Tj (nelj\\344s) ' 1 0 (viides) " 1 0 0 1 300 100 Tm (kuudes) Tj ET
        """
        let pdf = HandMadePDF.page(content: content, font: HandMadePDF.courier)
        #expect(PDFTextLayer.read(pdf.bytes(), limits: .default) == .pages(["Ensimmäinen rivi\ntoinen rivi\nkolmas\nneljäs\nviides\nkuudes"]))
    }

    @Test func differencesNameTheFinnishAndSwedishLettersAndLigatures() {
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [1 /adieresis /odieresis /aring /Adieresis /Odieresis /Aring /fi /uni00E9 /f_f_i /a.sc] >> >>"
        let pdf = HandMadePDF.page(content: "BT /F1 10 Tf 72 700 Td (p\\001iv\\001 \\002ljy \\003r \\004 \\005 \\006 \\007 caf\\010 o\\011kaus \\012) Tj ET", font: font)
        #expect(PDFTextLayer.read(pdf.bytes(), limits: .default) == .pages(["päivä öljy år Ä Ö Å fi café offikaus a"]))
    }

    @Test func macRomanAndStandardEncodingsDecode() {
        let mac = HandMadePDF.page(content: "BT /F1 10 Tf 72 700 Td (S\\212hk\\232) Tj ET", font: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /MacRomanEncoding >>")
        #expect(PDFTextLayer.read(mac.bytes(), limits: .default) == .pages(["Sähkö"]))
        let standard = HandMadePDF.page(content: "BT /F1 10 Tf 72 700 Td (\\256nanssi) Tj ET", font: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        #expect(PDFTextLayer.read(standard.bytes(), limits: .default) == .pages(["finanssi"]))
    }

    @Test func type0FontsReadThroughToUnicodeRangesAndArrays() {
        let cmap = """
        /CIDInit /ProcSet findresource begin 12 dict begin begincmap
        1 begincodespacerange <0000> <FFFF> endcodespacerange
        1 beginbfchar <0003> <0020> endbfchar
        2 beginbfrange <0010> <0012> <004C0061> <0020> <0021> [<00E4> <00F6>] endbfrange
        endcmap CMapName currentdict /CMap defineresource pop end end
        """
        var pdf = HandMadePDF.page(content: "BT /F1 10 Tf 72 700 Td <0010001100120003002000210020> Tj ET",
                                   font: "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 6 0 R /DescendantFonts [7 0 R] >>")
        pdf.objects[6] = HandMadePDF.stream("", Array(cmap.utf8))
        pdf.objects[7] = Array("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 500 /W [16 [600 500 450] 32 33 550] >>".utf8)
        // <0010> maps to "La" (one code, two letters); the range increments the last unit.
        #expect(PDFTextLayer.read(pdf.bytes(), limits: .default) == .pages(["LaLbLc äöä"]))
    }

    @Test func aType0FontWithoutToUnicodeIsLeftToPdftotext() {
        var pdf = HandMadePDF.page(content: "BT /F1 10 Tf 72 700 Td <00100011> Tj ET",
                                   font: "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [7 0 R] >>")
        pdf.objects[7] = Array("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X >>".utf8)
        let result = PDFTextLayer.read(pdf.bytes(), limits: .default)
        #expect(Self.reason(result)?.contains("ToUnicode") == true, "\(result)")
    }

    @Test func formXObjectsAreReadWithTheirOwnResources() {
        var pdf = HandMadePDF.page(content: "q 1 0 0 1 0 -100 cm /X1 Do Q BT /F1 10 Tf 72 700 Td (sivu) Tj ET", font: HandMadePDF.courier)
        pdf.objects[3] = Array("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /X1 8 0 R >> >> >>".utf8)
        pdf.objects[8] = HandMadePDF.stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F2 5 0 R >> /XObject << /X1 8 0 R >> >>", Array("BT /F2 10 Tf 72 600 Td (lomake) Tj ET /X1 Do".utf8))
        #expect(PDFTextLayer.read(pdf.bytes(), limits: .default) == .pages(["lomake\nsivu"]))
    }

    @Test func compressedContentXRefStreamsObjectStreamsAndIncrementalUpdates() throws {
        var pdf = HandMadePDF.page(content: "", font: HandMadePDF.courier)
        pdf.objects[4] = HandMadePDF.stream("/Filter /FlateDecode", HandMadePDF.deflate(Array("BT /F1 10 Tf 72 700 Td (vanha) Tj ET".utf8)))
        var bytes = pdf.bytesWithObjectStream()
        guard case .pages(["vanha"]) = PDFTextLayer.read(bytes, limits: .default) else {
            Issue.record("object and xref streams not read: \(PDFTextLayer.read(bytes, limits: .default))")
            return
        }
        // An incremental update replaces the content with a classic xref section pointing back.
        let previous = try #require(HandMadePDF.startxref(of: bytes))
        let offset = bytes.count
        bytes += Array("4 0 obj\n".utf8) + HandMadePDF.stream("/Filter /ASCIIHexDecode", Array("42 54 20 2F 46 31 20 31 30 20 54 66 20 28 75 75 73 69 29 20 54 6A 20 45 54>".utf8)) + Array("\nendobj\n".utf8)
        let xref = bytes.count
        bytes += Array("xref\n4 1\n\(String(format: "%010d", offset)) 00000 n \ntrailer\n<< /Size 9 /Root 1 0 R /Prev \(previous) >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        #expect(PDFTextLayer.read(bytes, limits: .default) == .pages(["uusi"]))
    }

    @Test func aFileWithoutItsCrossReferenceIsRebuiltByScanning() {
        let bytes = HandMadePDF.page(content: "BT /F1 10 Tf 72 700 Td (korjattu) Tj ET", font: HandMadePDF.courier).bytes()
        let objectsOnly = Array(bytes[..<(HandMadePDF.startxref(of: bytes) ?? bytes.count)])
        #expect(PDFTextLayer.read(objectsOnly, limits: .default) == .pages(["korjattu"]))
        #expect(PDFTextLayer.read(objectsOnly + Array("trailer\n<< /Root 1 0 R >>\nstartxref\n99999\n%%EOF".utf8), limits: .default) == .pages(["korjattu"]))
    }

    @Test func aPageWithoutTextIsAnEmptyStringForOCR() {
        let pdf = HandMadePDF.page(content: "q 100 0 0 100 0 0 cm 0 0 1 1 re f Q", font: HandMadePDF.courier)
        #expect(PDFTextLayer.read(pdf.bytes(), limits: .default) == .pages([""]))
    }

    @Test func encryptedFilesAreSaidToBe() {
        var pdf = HandMadePDF.page(content: "BT /F1 10 Tf (x) Tj ET", font: HandMadePDF.courier)
        pdf.trailerExtra = "/Encrypt << /Filter /Standard /V 1 /R 2 >>"
        #expect(PDFTextLayer.read(pdf.bytes(), limits: .default) == .encrypted)
    }

    @Test func moreThanTheLimitsPagesIsLeftToTheFallbackWhateverCountSays() {
        var pdf = HandMadePDF.page(content: "BT /F1 10 Tf 72 700 Td (sivu) Tj ET", font: HandMadePDF.courier)
        pdf.objects[2] = Array("<< /Type /Pages /Kids [3 0 R 6 0 R 7 0 R 8 0 R] /Count 1 >>".utf8)
        for number in 6...8 { pdf.objects[number] = pdf.objects[3] }
        var limits = ExtractionLimits.default
        limits.maxPDFPages = 4
        #expect(PDFTextLayer.read(pdf.bytes(), limits: limits) == .pages(["sivu", "sivu", "sivu", "sivu"]))
        limits.maxPDFPages = 3
        #expect(PDFTextLayer.read(pdf.bytes(), limits: limits) == .cannotRead(.overLimit("over 3 pages")))
    }

    @Test func theStreamFiltersDecode() throws {
        // ISO 32000-1 §7.4.4.2's example: the codes 256 45 258 258 65 259 66 257 in 9 bits.
        #expect(try PDFLZW.decode([0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01], earlyChange: 1, limit: 100) == [45, 45, 45, 45, 45, 65, 45, 45, 45, 66])
        #expect(PDFFilters.ascii85(Array("9OW!XFWbF-+D?%DBlnWA3Zu>9_mT~>".utf8)) == Array("Lasku ja hyvitys: äö".utf8))
        #expect(PDFFilters.asciiHex(Array("4C 61 73 6B 7".utf8)) == Array("Lask".utf8) + [0x70])
        #expect(try PDFFilters.runLength([2, 0x4C, 0x61, 0x73, 254, 0x6B, 128], limit: 100) == Array("Laskkk".utf8))
        #expect(throws: PDFReadError.self) { try PDFFilters.inflate(HandMadePDF.deflate([UInt8](repeating: 1, count: 10_000)), limit: 9_999) }
        #expect(try PDFFilters.inflate(HandMadePDF.deflate([UInt8](repeating: 1, count: 10_000)), limit: 10_000).count == 10_000)
    }

    // MARK: Hostile files

    @Test func aFontTheResourcesDoNotNameReadsInTheStandardEncoding() {
        // As poppler reads it: drawn with a default font (a producer that forgot its font resource).
        var pdf = HandMadePDF.page(content: "BT /F1 12 Tf 10 50 Td (Laskun erittely) Tj ET", font: HandMadePDF.courier)
        pdf.objects[3] = Array("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".utf8)
        #expect(PDFTextLayer.read(pdf.bytes(), limits: .default) == .pages(["Laskun erittely"]))
    }

    @Test func aStreamWithAWrongLengthEndsAtTheNextEndstreamFoundOnceForTheFile() throws {
        let bytes = Array("1 0 obj<</Length 999>>stream\nBT ET\nendstream endobj 2 0 obj<</Length 1>>stream\nq Q\nendstream endobj".utf8)
        let positions = PDFObjectParser.endstreamPositions(in: bytes)
        #expect(positions.count == 2)
        for (offset, expected) in [(0, "BT ET"), (bytes.firstIndex(of: UInt8(ascii: "2")) ?? 0, "q Q")] {
            var indexed = PDFObjectParser(bytes: bytes, position: offset)
            indexed.endstreams = positions
            var searching = PDFObjectParser(bytes: bytes, position: offset)
            let fromIndex = try #require(try indexed.parseIndirectObject().1.stream)
            let fromSearch = try #require(try searching.parseIndirectObject().1.stream)
            #expect(String(decoding: fromIndex.data, as: UTF8.self) == expected)
            #expect(Array(fromIndex.data) == Array(fromSearch.data))
        }
    }

    @Test func referenceCyclesAndKidsLoopsEnd() {
        var pdf = HandMadePDF.page(content: "BT /F1 10 Tf 72 700 Td (silmukka) Tj ET", font: "9 0 R")
        pdf.objects[2] = Array("<< /Type /Pages /Kids [3 0 R 2 0 R 10 0 R] /Count 1 >>".utf8)
        pdf.objects[9] = Array("10 0 R".utf8)
        pdf.objects[10] = Array("<< /Type /Pages /Kids [2 0 R 10 0 R] /Parent 9 0 R >>".utf8)
        let result = PDFTextLayer.read(pdf.bytes(), limits: .default)
        #expect(Self.reason(result)?.contains("F1") == true, "a font that is a cycle of references: \(result)")
    }

    @Test func aHugeLengthIsBoundedByTheFile() {
        var pdf = HandMadePDF.page(content: "", font: HandMadePDF.courier)
        pdf.objects[4] = Array("<< /Length 99999999999 >>\nstream\nBT /F1 10 Tf 72 700 Td (pituus) Tj ET\nendstream".utf8)
        #expect(PDFTextLayer.read(pdf.bytes(), limits: .default) == .pages(["pituus"]))
    }

    @Test func aDeflateBombStopsAtTheExpansionLimit() throws {
        var pdf = HandMadePDF.page(content: "", font: HandMadePDF.courier)
        pdf.objects[4] = HandMadePDF.stream("/Filter /FlateDecode", HandMadePDF.deflate([UInt8](repeating: 0x20, count: 64 << 20)))
        var limits = ExtractionLimits.default
        limits.maxExpandedBytes = 8 << 20
        #expect(PDFTextLayer.read(pdf.bytes(), limits: limits) == .cannotRead(.overLimit("a stream inflates past \(8 << 20) bytes")))
    }

    @Test func deeplyNestedArraysAreRefused() {
        let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let inContent = HandMadePDF.page(content: "BT /F1 10 Tf \(nested) TJ ET", font: HandMadePDF.courier)
        #expect(PDFTextLayer.read(inContent.bytes(), limits: .default) == .cannotRead(.overLimit("objects nested deeper than 64")))
        var inCatalog = HandMadePDF.page(content: "BT /F1 10 Tf (x) Tj ET", font: HandMadePDF.courier)
        inCatalog.objects[1] = Array("<< /Type /Catalog /Pages 2 0 R /Junk \(nested) >>".utf8)
        let result = PDFTextLayer.read(inCatalog.bytes(), limits: .default)
        #expect(Self.reason(result)?.isEmpty == false, "a catalog nested 100,000 deep: \(result)")
    }

    @Test func tenMillionOperatorsStopAtThePageLimit() throws {
        var content: [UInt8] = []
        content.reserveCapacity(20_000_000)
        for _ in 0..<5_000_000 { content += [UInt8(ascii: "q"), 0x20, UInt8(ascii: "Q"), 0x0A] }
        var pdf = HandMadePDF.page(content: "", font: HandMadePDF.courier)
        pdf.objects[4] = HandMadePDF.stream("/Filter /FlateDecode", HandMadePDF.deflate(content))
        #expect(pdf.bytes().count < 200_000)
        #expect(PDFTextLayer.read(pdf.bytes(), limits: .default) == .cannotRead(.overLimit("over \(PDFContentReader.maxOperatorsPerPage) operators on a page")))
    }

    @Test(arguments: ["kirje-kaksi-sivua.pdf", "lasku-chromium.pdf", "xpdfimport_err.pdf"])
    func truncatedFilesReturn(_ name: String) throws {
        let bytes = try Self.bytes(name)
        guard case .pages(let whole) = PDFTextLayer.read(bytes, limits: .default) else {
            Issue.record("\(name) is not read whole")
            return
        }
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            switch PDFTextLayer.read(Array(bytes[..<cut]), limits: .default) {
            case .pages(let pages): #expect(pages.count <= whole.count)
            case .encrypted: Issue.record("\(name) cut at \(cut) said to be encrypted")
            case .cannotRead(let reason): #expect(!reason.description.isEmpty)
            }
        }
    }

    @Test(arguments: ["kirje-kaksi-sivua.pdf", "lasku-chromium.pdf", "xpdfimport_err.pdf", "shared-mime-info-spec.pdf"])
    func mutatedFilesReturn(_ name: String) throws {
        let original = try Self.bytes(name)
        var random = SeededSequence(seed: 0x5EED_0015)
        var limits = ExtractionLimits.default
        limits.maxExpandedBytes = 16 << 20
        for _ in 0..<150 {
            var mutant = original
            for _ in 0...(random.next() % 12) {
                let position = Int(random.next() % UInt64(mutant.count))
                mutant[position] = UInt8(truncatingIfNeeded: random.next())
            }
            #expect(Self.reason(PDFTextLayer.read(mutant, limits: limits))?.isEmpty != true)
        }
    }

    // MARK: Helpers

    static func reason(_ result: PDFTextLayer.Result) -> String? {
        if case .cannotRead(let reason) = result { reason.description } else { nil }
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

}

/// Words (runs of letters and digits, case-folded, compatibility-normalised) shared by two texts,
/// as a multiset.
struct WordAgreement {
    var recall: Double
    var precision: Double
    var referenceWords: Int

    init(mine: String, reference: String) {
        let mineWords = Self.words(mine), referenceWords = Self.words(reference)
        let shared = mineWords.reduce(0) { $0 + min($1.value, referenceWords[$1.key] ?? 0) }
        let mineCount = mineWords.values.reduce(0, +)
        self.referenceWords = referenceWords.values.reduce(0, +)
        recall = Double(shared) / Double(max(1, self.referenceWords))
        precision = Double(shared) / Double(max(1, mineCount))
    }

    static func words(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var word = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.append(scalar)
            } else if !word.isEmpty {
                counts[String(word), default: 0] += 1
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { counts[String(word), default: 0] += 1 }
        return counts
    }
}

/// A fixed-seed random sequence (Knuth's MMIX linear congruential generator, high bits), so
/// mutants are the same on every run.
struct SeededSequence {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 17
    }
}
