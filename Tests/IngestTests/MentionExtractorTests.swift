import Archive
import FinnishText
import Ingest
import Testing

@Suite struct MentionExtractorTests {
    private let key: PersonalIDKey
    private let extractor: MentionExtractor

    init() throws {
        key = try #require(PersonalIDKey(bytes: Array(repeating: 0x33, count: 32)))
        extractor = MentionExtractor(personalIDKey: key)
    }

    private func body(_ text: String) -> [IdentifierMention] {
        extractor.mentions(inText: text, role: .body)
    }

    private func mention(_ kind: IdentifierKind, _ value: String, _ location: String, _ strength: LinkStrength) -> IdentifierMention {
        IdentifierMention(kind: kind, value: value, location: location, strength: strength)
    }

    // MARK: Register identifiers in the author's own words

    @Test func aCustomerNumberInTheSubjectIsExact() {
        #expect(extractor.mentions(inText: "Reklamaatio (AS-1234567)", role: .subject)
            == [mention(.customerNumber, "AS-1234567", "subject", .exact)])
    }

    @Test func aSpouseWritingForTheAccountHolderLinksTheHolderExactly() {
        let text = """
            Hei,

            Kirjoitan puolisoni Maija Virtasen puolesta, asiakasnumero AS-7654321. Hänen laskussaan \
            on veloitettu 49,90 € liikaa.

            Ystävällisin terveisin
            Pekka Virtanen
            """
        #expect(body(text) == [mention(.customerNumber, "AS-7654321", "body", .exact)])
    }

    @Test func aValidPersonalIdentityCodeIsExactAndOnlyItsKeyedHashIsKept() throws {
        let found = body("Hei, henkilötunnukseni on 131052-308T, en saa kirjauduttua.")
        let code = try #require(PersonalIdentityCode("131052-308T"))
        #expect(found == [mention(.personalID, key.hash(code), "body", .exact)])
        for mention in found {
            #expect(!mention.value.uppercased().contains("131052"))
            #expect(!mention.value.uppercased().contains("308T"))
        }
    }

    @Test func aPersonalIdentityCodeWithAWrongCheckCharacterGivesNothing() {
        #expect(body("Henkilötunnus 131052-308U, soittakaa.").isEmpty)
        #expect(extractor.mentions(inText: "hetu 131052-308U", role: .subject).isEmpty)
    }

    @Test func businessIDsNeedTheirCheckDigit() {
        #expect(body("Yrityksemme Y-tunnus on 1234567-2.").isEmpty)
        #expect(body("Yrityksemme Y-tunnus on 1234567-1.") == [mention(.businessID, "1234567-1", "body", .exact)])
        #expect(body("ALV-tunnus FI12345671") == [mention(.businessID, "1234567-1", "body", .exact)])
        #expect(body("ALV-tunnus FI12345672").isEmpty)
    }

    @Test func aRepeatedIdentifierIsReportedOncePerLocation() {
        let found = extractor.mentions(inText: "AS-1234567: AS-1234567 ja as-1234567", role: .subject)
        #expect(found == [mention(.customerNumber, "AS-1234567", "subject", .exact)])
    }

    // MARK: Free-text contact details are weak

    @Test func aPhoneNumberInASignatureIsWeak() {
        let text = "Hei,\n\nNetti katkeilee iltaisin.\n\nTerveisin\nPekka\npuh. 040 123 4567"
        #expect(body(text) == [mention(.phone, "+358401234567", "signature", .weak)])
    }

    @Test func anAddressInTheAuthorsTextIsWeak() {
        let text = "Laskut voi lähettää myös vaimolleni maija.virtanen@Example.fi, kiitos."
        #expect(body(text) == [mention(.email, "maija.virtanen@example.fi", "body", .weak)])
    }

    @Test func aSignatureAfterTheDashDashDelimiterIsTheSignature() {
        let text = "Liittymä ei toimi.\n-- \nVirtasen Rakennus Oy\nY-tunnus 1234567-1\nvaihde 09 123 4567"
        #expect(body(text) == [
            mention(.businessID, "1234567-1", "signature", .exact),
            mention(.phone, "+35891234567", "signature", .weak),
        ])
    }

    @Test func anUnmarkedSignatureOfNameAndNumberIsRecognised() {
        let text = "Laskussa on virhe, korjatkaa se.\nPekka Virtanen\n040 123 4567"
        #expect(body(text) == [mention(.phone, "+358401234567", "signature", .weak)])
        #expect(MentionExtractor.ownText(of: text) == "Laskussa on virhe, korjatkaa se.")
    }

    @Test func aTranscriptGivesExactRegisterIdentifiersAndWeakContacts() {
        let transcript = "Asiakas: asiakasnumeroni on AS-5555555. Voitte soittaa numeroon 050 765 4321."
        #expect(extractor.mentions(inText: transcript, role: .transcript) == [
            mention(.customerNumber, "AS-5555555", "transcript", .exact),
            mention(.phone, "+358507654321", "transcript", .weak),
        ])
    }

    // MARK: Quoted and forwarded text is someone else's

    @Test func aForwardedMessageIsQuoted() {
        let text = """
            Ohessa asiakkaan viesti, hoidatko?

            ---------- Forwarded message ---------
            From: Matti Virtanen <matti.virtanen@example.fi>
            Date: ma 3.3.2025 klo 10.12
            Subject: Lasku
            To: <asiakaspalvelu@esimerkkiverkko.fi>

            Asiakasnumeroni on AS-1111111, puh. 050 765 4321.
            """
        #expect(body(text) == [
            mention(.email, "matti.virtanen@example.fi", "quoted", .weak),
            mention(.email, "asiakaspalvelu@esimerkkiverkko.fi", "quoted", .weak),
            mention(.customerNumber, "AS-1111111", "quoted", .weak),
            mention(.phone, "+358507654321", "quoted", .weak),
        ])
        #expect(MentionExtractor.ownText(of: text) == "Ohessa asiakkaan viesti, hoidatko?")
    }

    @Test func aFinnishForwardIsQuoted() {
        let text = "Välitän.\n\n---------- Välitetty viesti ---------\nLähettäjä: Maija <maija@example.fi>\n\nAS-2323232"
        #expect(body(text).allSatisfy { $0.location == "quoted" && $0.strength == .weak })
        #expect(body(text).contains(mention(.customerNumber, "AS-2323232", "quoted", .weak)))
    }

    @Test func aQuotedReplyIsWeak() {
        let text = """
            Kiitos, asia on nyt kunnossa.

            ma 3.3.2025 klo 10.12 Asiakaspalvelu <asiakaspalvelu@esimerkkiverkko.fi> kirjoitti:
            > Hei Matti,
            > tarkistimme asiakasnumeron AS-2222222 laskut.
            """
        #expect(body(text) == [
            mention(.email, "asiakaspalvelu@esimerkkiverkko.fi", "quoted", .weak),
            mention(.customerNumber, "AS-2222222", "quoted", .weak),
        ])
        #expect(MentionExtractor.ownText(of: text) == "Kiitos, asia on nyt kunnossa.")
    }

    @Test func aWrappedEnglishAttributionIsQuotedAndAnAnswerBelowTheQuoteIsOwnText() {
        let text = """
            On Mon, 3 Mar 2025 at 10:12, Esimerkkiverkko <asiakaspalvelu@esimerkkiverkko.fi>
            wrote:
            > Mikä on asiakasnumeronne? Meillä on tiedossa AS-9999999.

            Se on AS-3333333.

            Terveisin
            Matti
            """
        #expect(body(text) == [
            mention(.email, "asiakaspalvelu@esimerkkiverkko.fi", "quoted", .weak),
            mention(.customerNumber, "AS-9999999", "quoted", .weak),
            mention(.customerNumber, "AS-3333333", "body", .exact),
        ])
        #expect(MentionExtractor.ownText(of: text) == "Se on AS-3333333.")
    }

    @Test func anOutlookHeaderBlockAndEverythingAfterItIsQuoted() {
        let text = """
            Tässä vielä tiedot.

            Ystävällisin terveisin
            Maija

            ________________________________
            Lähettäjä: Esimerkkiverkko <asiakaspalvelu@esimerkkiverkko.fi>
            Lähetetty: maanantai 3. maaliskuuta 2025 10.12
            Vastaanottaja: Maija Virtanen <maija@example.fi>
            Aihe: Tilauksesi

            Tilauksenne asiakasnumerolle AS-4444444 on vastaanotettu.
            """
        let found = body(text)
        #expect(found.contains(mention(.customerNumber, "AS-4444444", "quoted", .weak)))
        #expect(found.contains(mention(.email, "maija@example.fi", "quoted", .weak)))
        #expect(!found.contains { $0.strength == .exact })
        #expect(MentionExtractor.ownText(of: text) == "Tässä vielä tiedot.")
    }

    @Test func anOriginalMessageSeparatorStartsTheQuote() {
        let text = """
            Katso alla.

            -----Original Message-----
            From: Pekka Virtanen [mailto:pekka@example.fi]
            Sent: Monday, March 3, 2025 10:12 AM
            To: Asiakaspalvelu
            Subject: Vika

            Henkilötunnukseni on 131052-308T.
            """
        let found = body(text)
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.location == "quoted" && $0.strength == .weak })
        #expect(found.contains { $0.kind == .personalID })
    }

    @Test func aSwedishAttributionStartsTheQuote() {
        let text = "Tack!\n\nDen 3 mars 2025 skrev Kundtjänst <kundtjanst@esimerkkiverkko.fi>:\nKundnummer AS-6666666"
        #expect(body(text).contains(mention(.customerNumber, "AS-6666666", "quoted", .weak)))
    }

    // MARK: Numbers that are not phones

    @Test func datesAmountsTimesAndInvoiceNumbersAreNotPhones() {
        let text = """
            Lasku 15.03.2025 summa 49,90 € erääntyy 01.04.2025 klo 16.00, maksoin sen 0:30 aikaan.
            Laskun numero 0401234567, viitenumero 00123 45678, tilausnro: 0301234567.
            Maksettu tililtä FI12 3456 0401 2345 67. Summa 0,50 € ja 1 500,00 €.
            Ajalla 03.03.2025–04.03.2025 kello 09:30–10:00.
            """
        #expect(body(text).isEmpty)
    }

    @Test func realPhoneNumbersBesideThoseNumbersAreStillFound() {
        let text = "Lasku 15.03.2025 (49,90 €) on väärin. Tavoittaa numerosta +358 (0)50 765 4321 tai 09-123 456."
        #expect(body(text) == [
            mention(.phone, "+358507654321", "body", .weak),
            mention(.phone, "+3589123456", "body", .weak),
        ])
    }

    // MARK: Line endings and inline quotes

    @Test func windowsLineEndingsAndAQuotedLineInTheMiddle() {
        let text = "Hei,\r\n> Asiakasnumeronne AS-1212121?\r\nEi vaan AS-3434343.\r\n\r\nTerveisin\r\nMaija\r\n"
        #expect(body(text) == [
            mention(.customerNumber, "AS-1212121", "quoted", .weak),
            mention(.customerNumber, "AS-3434343", "body", .exact),
        ])
        #expect(MentionExtractor.ownText(of: text) == "Hei,\nEi vaan AS-3434343.")
    }

    // MARK: Address fields

    @Test func addressFieldsAreExactWhenTheyNormalise() {
        #expect(extractor.mention(email: "Matti Virtanen <Matti.Virtanen@Example.FI>", location: "from")
            == mention(.email, "matti.virtanen@example.fi", "from", .exact))
        #expect(extractor.mention(phone: "040 123 4567", location: "caller")
            == mention(.phone, "+358401234567", "caller", .exact))
        #expect(extractor.mention(phone: "358401234567", location: "caller")
            == mention(.phone, "+358401234567", "caller", .exact))
        #expect(extractor.mention(email: nil, location: "requester") == nil)
        #expect(extractor.mention(email: "ei osoitetta", location: "requester") == nil)
        #expect(extractor.mention(phone: "anonymous", location: "caller") == nil)
        #expect(extractor.mention(phone: nil, location: "caller") == nil)
    }

    // MARK: Own text

    @Test func ownTextDropsQuotesAndSignature() {
        let text = "Hei,\n\nnetti ei toimi.\n\nt. Pekka\n040 123 4567\n\n> Aiempi viesti\n> AS-1234567"
        #expect(MentionExtractor.ownText(of: text) == "Hei,\n\nnetti ei toimi.")
    }

    @Test func aClosingWordInTheMiddleOfALongMessageIsNotASignature() {
        let lines = ["Terveisin", "tässä pitkä selitys:"] + (1...20).map { "rivi \($0) asiakasnumero AS-12345\($0 % 10)\($0 % 10)" }
        let text = lines.joined(separator: "\n")
        #expect(body(text).allSatisfy { $0.location == "body" })
    }
}
