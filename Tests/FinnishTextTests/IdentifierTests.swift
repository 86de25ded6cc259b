import Testing
import FinnishText

@Suite struct EmailAddressTests {
    @Test(arguments: [
        ("matti.virtanen@example.fi", "matti.virtanen@example.fi"),
        ("  Matti.Virtanen@Example.FI ", "matti.virtanen@example.fi"),
        ("Matti Virtanen <Matti.Virtanen@Example.fi>", "matti.virtanen@example.fi"),
        ("\"Virtanen, Matti\" <matti@posti.example>", "matti@posti.example"),
        ("=?utf-8?q?Maarit_=C3=96hman?= <maarit.ohman@posti.example>", "maarit.ohman@posti.example"),
        ("mailto:tuki@esimerkkiverkko.fi", "tuki@esimerkkiverkko.fi"),
        ("<riikka+lasku@yritys-1420.example>", "riikka+lasku@yritys-1420.example"),
    ])
    func normalizesWrittenAddresses(written: String, normalized: String) {
        #expect(EmailAddress.normalized(written) == normalized)
    }

    @Test(arguments: ["", "matti", "matti@", "@example.fi", "matti@localhost", "matti..v@example.fi",
                      "matti@-example.fi", "matti@example.123", "Matti Virtanen", "a b@example.fi"])
    func rejectsNonAddresses(written: String) {
        #expect(EmailAddress.normalized(written) == nil)
    }

    @Test func findsAddressesInFreeText() {
        let text = "Ystävällisin terveisin, Maarit (maarit.ohman@posti.example). Vastaa osoitteeseen Tuki@Esimerkkiverkko.FI."
        let found = EmailAddress.all(in: text)
        #expect(found.map(\.value.value) == ["maarit.ohman@posti.example", "tuki@esimerkkiverkko.fi"])
        #expect(text[found[1].range] == "Tuki@Esimerkkiverkko.FI")
        #expect(EmailAddress.all(in: "ei osoitetta @ täällä, eikä @home").isEmpty)
    }
}

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("040 123 4567", "+358401234567"),
        ("+358 40 1234567", "+358401234567"),
        ("+358 (0)40 123 4567", "+358401234567"),
        ("0401234567", "+358401234567"),
        ("358401234567", "+358401234567"),
        ("00358 40 123 4567", "+358401234567"),
        ("046-6001338", "+358466001338"),
        ("(09) 123 456", "+3589123456"),
        ("09 534192", "+358953 4192".filter { $0 != " " }),
        ("+46 70 123 45 67", "+46701234567"),
    ])
    func writtenFormsBecomeE164(written: String, e164: String) {
        #expect(PhoneNumber.e164(written) == e164)
    }

    @Test(arguments: ["", "123", "12.3.2024", "1234567-8", "AS-1234567", "040 12", "+358 0401234567 999",
                      "puhelin", "0000000000", "1 234,50"])
    func rejectsNonNumbers(written: String) {
        #expect(PhoneNumber.e164(written) == nil)
    }

    @Test func findsNumbersInSignaturesButNotDatesAmountsOrOtherIdentifiers() {
        let text = """
            Maarit Öhman
            puh. 040 123 4567, vaihde (09) 123 456 tai +358 50 765 4321.
            Asiakasnumero AS-1234567, Y-tunnus 0112038-9, lasku 12.3.2024 summa 0,50 € ja 1 234,00 €.
            Henkilötunnus 131052-308T. Soitto klo 09:30 numerosta 358401112223.
            """
        let found = PhoneNumber.all(in: text)
        #expect(found.map(\.value.e164) == ["+358401234567", "+3589123456", "+358507654321", "+358401112223"])
        #expect(text[found[0].range] == "040 123 4567")
        #expect(text[found[1].range] == "(09) 123 456")
    }

    @Test func aNumberFollowedByUnrelatedDigitsIsStillFound() {
        let found = PhoneNumber.all(in: "Soita 040 123 4567 2 kertaa")
        #expect(found.map(\.value.e164) == ["+358401234567"])
    }
}

@Suite struct BusinessIDTests {
    @Test(arguments: ["0112038-9", "0116510-6", "2345678-0", "7654321-2"])
    func validCheckDigits(id: String) {
        #expect(BusinessID(id)?.value == id)
    }

    @Test(arguments: ["0112038-8", "1234567-0", "1000008-0", "1000008-1", "112038-8", "01120389", "0112038-", "abcdefg-1"])
    func invalidCheckDigitsOrShapes(id: String) {
        // 1000008 has remainder 1: no check digit can make it valid.
        #expect(BusinessID(id) == nil)
    }

    @Test func remainderRules() {
        #expect(BusinessID.checkDigit(for: "2345678") == 0)   // remainder 0 → 0
        #expect(BusinessID.checkDigit(for: "1000008") == nil) // remainder 1 → never issued
        #expect(BusinessID.checkDigit(for: "0112038") == 9)   // remainder 2 → 11 − 2
    }

    @Test func alternativeForms() {
        #expect(BusinessID("112038-9")?.value == "0112038-9")
        #expect(BusinessID("FI01120389")?.value == "0112038-9")
    }

    @Test func findsValidIDsInFreeText() {
        let text = "Y-tunnus 0112038-9 (vanha 0112038-8), tilaus 20112038-9, asiakas 2345678-0."
        #expect(BusinessID.all(in: text).map(\.value.value) == ["0112038-9", "2345678-0"])
    }
}

@Suite struct PersonalIdentityCodeTests {
    @Test(arguments: [
        ("131052-308T", 1952), ("131052Y308T", 1952), ("010594Y9021", 1994), ("010105A002T", 2005),
        ("010105B002T", 2005), ("290200A1239", 2000), ("311299-999E", 1999), ("150623F4565", 2023),
        ("010100+002H", 1800),
    ])
    func validCodesAndCenturies(code: String, year: Int) {
        let parsed = PersonalIdentityCode(code)
        #expect(parsed?.value == code)
        #expect(parsed?.birthDate.year == year)
    }

    @Test(arguments: [
        "131052-308U",  // wrong check character
        "131052Z308T",  // unknown century sign
        "310252-308T",  // 31 February
        "290201A1239",  // 2001 is no leap year
        "131052-001T",  // individual number 001 is not issued
        "131052-308",   // too short
        "1310523-308T",
    ])
    func invalidCodes(code: String) {
        #expect(PersonalIdentityCode(code) == nil)
    }

    @Test func lowerCaseIsAccepted() {
        #expect(PersonalIdentityCode("131052-308t")?.value == "131052-308T")
    }

    @Test func findsCodesInFreeText() {
        let text = "Hetu 131052-308T ja väärä 131052-308U, uusi 010594Y9021; ei osa pidempää x131052-308T."
        let found = PersonalIdentityCode.all(in: text)
        #expect(found.map(\.value.value) == ["131052-308T", "010594Y9021"])
        #expect(text[found[0].range] == "131052-308T")
    }
}

@Suite struct CustomerNumberTests {
    @Test func parsesAndFinds() {
        #expect(CustomerNumber("as 1234567")?.value == "AS-1234567")
        #expect(CustomerNumber("AS-123456") == nil)
        #expect(CustomerNumber.all(in: "Asiakasnumero AS-1234567, ei XAS-1234567").map(\.value.value) == ["AS-1234567"])
    }
}
