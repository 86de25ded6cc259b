import Testing
@testable import Extract

@Suite struct OpenDocumentTextTests {
    let extractor = ExtractFixtures.extractor

    @Test func odtGivesParagraphsTablesHeadersAndFooters() throws {
        let result = try ExtractFixtures.expectReads("asiakaskirje.odt", as: .odf, words: ["asiakaskirje.txt"])
        let text = try #require(result.text)
        #expect(text.contains("Ystävällisin terveisin\nMaija Virtanen\tpuhelin"))
        #expect(text.contains("Luottamuksellinen asiakirja"))  // the footer, from styles.xml
    }

    @Test func odsGivesSheetNamesCellsAndValues() throws {
        let result = try ExtractFixtures.expectReads("laskut.ods", as: .odf, words: ["laskut.csv"])
        #expect(result.text?.contains("AS-1234567") == true)
    }

    @Test func odpGivesFramesAndNotes() throws {
        let result = try ExtractFixtures.expectReads("esitys.odp", as: .odf, words: ["esitys.txt"])
        #expect(result.text?.contains("Muistiinpano: tarkista mittarilukemat ennen hyvitystä.") == true)  // the notes
    }

    @Test func spacesTabsLineBreaksAndValueOnlyCells() throws {
        let content = """
            <office:document-content xmlns:office="o" xmlns:text="t" xmlns:table="ta" xmlns:dc="d"><office:body>
            <text:p>yksi<text:s text:c="3"/>kaksi<text:tab/>kolme<text:line-break/>neljä<text:span> viisi</text:span></text:p>
            <text:p>muutos<office:annotation><dc:creator>Maija</dc:creator><text:p>huomautus</text:p></office:annotation></text:p>
            <table:table table:name="Taulukko"><table:table-row><table:table-cell office:value="1234567"/>
            <table:table-cell office:value="42"><text:p>42,00 €</text:p></table:table-cell></table:table-row></table:table>
            </office:body></office:document-content>
            """
        var writer = TestZipWriter()
        writer.add("mimetype", Array("application/vnd.oasis.opendocument.text".utf8))
        writer.add("content.xml", Array(content.utf8))
        let result = extractor.extract(AttachmentFile(filename: "a.odt", contentType: "", bytes: writer.bytes()))
        #expect(result.text == "yksi   kaksi\tkolme\nneljä viisi\nmuutoshuomautus\nTaulukko\n1234567\t42,00 €")
    }

    @Test func anEncryptedDocumentIsReported() throws {
        var writer = TestZipWriter()
        writer.add("content.xml", [0x13, 0x37])
        writer.add("META-INF/manifest.xml", Array(#"<manifest:manifest xmlns:manifest="m"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>"#.utf8))
        let result = extractor.extract(AttachmentFile(filename: "salainen.odt", contentType: "", bytes: writer.bytes()))
        #expect(result.text == nil)
        #expect(result.problems.map(\.description) == ["salainen.odt: the document is password-protected (encrypted)"])
    }

    @Test func deeplyNestedElementsStopAtTheLimitWithAReason() throws {
        let result = extractor.extract(try ExtractFixtures.file("hostile/odt-deep-nesting.odt"))
        #expect(result.problems.map(\.description).contains("odt-deep-nesting.odt › content.xml: reading stopped: elements are nested deeper than 1000 (over_limit)"))
    }
}
