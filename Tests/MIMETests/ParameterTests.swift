import Testing

@testable import MIME

@Suite("Content-Type and Content-Disposition parameters")
struct ParameterTests {
    @Test func valueAndParameters() {
        let parsed = ParameterizedValue(parsing: "TEXT/Plain; CHARSET=\"ISO-8859-1\"; format=flowed (comment)")
        #expect(parsed.value == "text/plain")
        #expect(parsed.parameters["charset"] == "ISO-8859-1")
        #expect(parsed.parameters["format"] == "flowed")
        #expect(ParameterizedValue(parsing: "multipart/mixed; boundary=\"a\"; boundary=b").parameters["boundary"] == "a")
        #expect(ParameterizedValue(parsing: "attachment; filename=\"C:\\\\dir\\\\a.txt\"").parameters["filename"]
            == "C:\\dir\\a.txt")
    }

    @Test func rfc2231ContinuationsCharsetsAndLanguages() {
        let continued = ParameterizedValue(
            parsing: "attachment;\n filename*0*=UTF-8''liite_%C3%A4;\n filename*1*=%C3%B6.txt")
        #expect(continued.parameters["filename"] == "liite_äö.txt")

        let reordered = ParameterizedValue(
            parsing: "attachment; filename*1*=%C3%B6.txt; filename*0*=UTF-8''liite_%C3%A4")
        #expect(reordered.parameters["filename"] == "liite_äö.txt")

        #expect(ParameterizedValue(parsing: "attachment; filename*=iso-8859-1'fi'%E4.txt").parameters["filename"]
            == "ä.txt")
        #expect(ParameterizedValue(parsing: "attachment; filename*0=\"a b\"; filename*1=\" c.txt\"")
            .parameters["filename"] == "a b c.txt")
        #expect(ParameterizedValue(parsing: "attachment; filename*=UTF-8''%E2%82%AC; filename=plain.txt")
            .parameters["filename"] == "€")
    }

    /// enmime's `mime-bad-content-type.raw`: a parameter without its ";" is read as a parameter, not
    /// glued to the media type.
    @Test func aParameterThatLostItsSemicolon() {
        let missing = ParameterizedValue(parsing: "application/pdf name=\"Invoice_302232133150612.pdf\"")
        #expect(missing.value == "application/pdf")
        #expect(missing.parameters["name"] == "Invoice_302232133150612.pdf")
        #expect(missing.defects.map(\.kind) == [.malformedHeader])
        #expect(ParameterizedValue(parsing: "application/pdf name=\"\"").value == "application/pdf")
        #expect(ParameterizedValue(parsing: "attachment filename=lasku.pdf").parameters["filename"] == "lasku.pdf")
        let spaced = ParameterizedValue(parsing: "text / plain ; charset=utf-8")
        #expect(spaced.value == "text/plain")
        #expect(spaced.parameters["charset"] == "utf-8")
        #expect(spaced.defects.isEmpty)
        #expect(ParameterizedValue(parsing: "text/plain (kommentti) ").value == "text/plain")
    }

    @Test func unquotedValuesWithSpacesRunToTheSemicolon() {
        #expect(ParameterizedValue(parsing: "attachment; filename=a b c.txt; size=3").parameters["filename"]
            == "a b c.txt")
    }

    @Test func fileNamesInParts() throws {
        let message = try Fixture.message("mixed-attachments.eml")
        #expect(message.attachments.map(\.filename) == ["selvitys_äöå_liite.pdf", "erittely.csv", "kuva ä.png"])
    }
}
