import Testing
@testable import Extract

@Suite struct OfficeOpenXMLTextTests {
    let extractor = ExtractFixtures.extractor

    @Test func docxGivesTheBodyTablesHeadersAndFooters() throws {
        let result = try ExtractFixtures.expectReads("asiakaskirje.docx", as: .ooxml, words: ["asiakaskirje.txt"])
        let text = try #require(result.text)
        #expect(text.contains("AS-1234567"))
        #expect(text.contains("Reklamaatio marraskuun laskusta\n"))
        #expect(text.contains("Lakeuden Energia Oy"))  // the header
        #expect(text.contains("Maija Virtanen"))
    }

    @Test func xlsxGivesSheetNamesSharedStringsNumbersAndDates() throws {
        let result = try ExtractFixtures.expectReads("laskut.xlsx", as: .ooxml, words: ["laskut.csv"])
        let text = try #require(result.text)
        #expect(text.hasPrefix("laskut\n"))
        #expect(text.contains("AS-1234567\tMaija Virtanen\t15.11.2026\t149.9\tKaksinkertainen laskutus marraskuussa"))
        #expect(text.contains("212"))
    }

    @Test func pptxGivesSlidesInOrderAndTheirNotes() throws {
        let result = try ExtractFixtures.expectReads("esitys.pptx", as: .ooxml, words: ["esitys.txt"])
        let text = try #require(result.text)
        let first = try #require(text.range(of: "Laskutusvirheiden käsittely"))
        let notes = try #require(text.range(of: "tarkista mittarilukemat"))
        let second = try #require(text.range(of: "Sopimusehtojen muutokset"))
        #expect(first.lowerBound < notes.lowerBound && notes.lowerBound < second.lowerBound)
    }

    @Test func slidesFollowThePresentationsListNotTheirFileNames() throws {
        var package = try DocumentPackage(try ExtractFixtures.file("esitys.pptx"), limits: .default)
        let parts = OfficeOpenXMLText.slideParts(&package)
        #expect(parts.first == "ppt/slides/slide1.xml")
        #expect(parts.contains("ppt/notesSlides/notesSlide1.xml"))
        #expect(["slide2.xml", "slide10.xml", "slide1.xml"].sorted { $0.isNaturallyBefore($1) } == ["slide1.xml", "slide2.xml", "slide10.xml"])
        #expect(OfficeRelationships.resolve("../notesSlides/n1.xml", from: "ppt/slides") == "ppt/notesSlides/n1.xml")
        #expect(OfficeRelationships.resolve("/xl/worksheets/sheet1.xml", from: "xl") == "xl/worksheets/sheet1.xml")
    }

    @Test func dateFormatsAndSerialsAreRead() {
        #expect(SpreadsheetDates.isDateFormat("yyyy\\-mm\\-dd"))
        #expect(SpreadsheetDates.isDateFormat("d.m.yyyy h:mm"))
        #expect(!SpreadsheetDates.isDateFormat("#,##0.00 \"d\""))
        #expect(!SpreadsheetDates.isDateFormat("[Red]0.00"))
        #expect(SpreadsheetDates.text(ofSerial: 46_341) == "15.11.2026")
        #expect(SpreadsheetDates.text(ofSerial: 61.5) == "1.3.1900 12.00")
        #expect(SpreadsheetDates.text(ofSerial: -3) == nil)
        #expect(SpreadsheetDates.text(ofSerial: .infinity) == nil)
    }

    @Test func anEntityBombIsNotExpandedAndIsReported() throws {
        let result = extractor.extract(try ExtractFixtures.file("hostile/docx-billion-laughs.docx"))
        let problem = try #require(result.problems.first)
        #expect(problem.reason == .malformed)
        #expect(problem.description == "docx-billion-laughs.docx › word/document.xml: the part declares a DTD; its entities were not expanded (malformed)")
        #expect(result.text?.contains("Laskutusvirhe &lol9;") == true)
        #expect((result.text?.utf8.count ?? 0) < 10_000)
    }

    @Test func anExternalEntityIsNotRead() throws {
        let result = extractor.extract(try ExtractFixtures.file("hostile/docx-external-entity.docx"))
        #expect(result.problems.map(\.reason) == [.malformed])
        #expect(result.text?.contains("root:") == false)
        #expect(result.text?.contains("Sopimus &salaisuus;") == true)
    }

    @Test func aPackageWithoutOfficePartsIsReadAsAnArchive() throws {
        var writer = TestZipWriter()
        writer.add("muistio.txt", Array("Sopimuksen irtisanominen".utf8))
        let result = extractor.extract(AttachmentFile(filename: "outo.docx", contentType: "application/octet-stream", bytes: writer.bytes()))
        #expect(result.source == .zip)
        #expect(result.text == "muistio.txt\nSopimuksen irtisanominen")
    }

    @Test func aDamagedPackageIsAProblemNotACrash() throws {
        let whole = try ExtractFixtures.bytes("asiakaskirje.docx")
        let result = extractor.extract(AttachmentFile(filename: "rikki.docx", contentType: "", bytes: Array(whole.prefix(whole.count - 40))))
        #expect(result.text == nil)
        #expect(result.problems.map(\.reason) == [.malformed])
    }
}
