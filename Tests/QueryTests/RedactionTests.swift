import Archive
import FinnishText
import Foundation
import Query
import Testing

@Suite struct RedactionTests {
    let register = RegisterDirectory(customers: [
        CustomerProfile(sourceID: "C1", id: 1, name: "Maija Virtanen", identifiers: [
            CustomerIdentifier(kind: .email, value: "maija@koti.fi", written: nil),
            CustomerIdentifier(kind: .email, value: "koti@virtanen.fi", written: nil),
            CustomerIdentifier(kind: .phone, value: "+358401234567", written: nil),
            CustomerIdentifier(kind: .customerNumber, value: "AS-1111111", written: nil),
            CustomerIdentifier(kind: .personalID, value: "hash:131052-308T", written: nil),
        ]),
        CustomerProfile(sourceID: "C2", id: 2, name: "Pekka Koskinen", identifiers: [
            CustomerIdentifier(kind: .email, value: "koti@virtanen.fi", written: nil),
            CustomerIdentifier(kind: .phone, value: "+358509998887", written: nil),
            CustomerIdentifier(kind: .customerNumber, value: "AS-2222222", written: nil),
            CustomerIdentifier(kind: .businessID, value: "1572860-0", written: nil),
        ]),
        CustomerProfile(sourceID: "C3", id: 3, name: "Maija Virtanen", identifiers: []),
    ])

    func reportRedactor(for id: Int64) throws -> TextRedactor {
        let subject = try #require(register.customer(id: id))
        return TextRedactor(policy: .inspectionReport(
            subject: subject, register: register, ownDomains: ["operaattori.fi"], companyPhones: ["+358104005700"],
            hasher: PrivacyFixture.hasher))
    }

    @Test func othersIdentifiersGoInEveryWrittenFormAndTheSubjectsStay() throws {
        let redactor = try reportRedactor(for: 1)
        let text = """
            Minä olen maija@koti.fi, puh. 040 123 4567, AS-1111111, hetu 131052-308T.
            Pekka Koskisen numero on +358 50 999 8887 tai 050-9998887, asiakasnumero as 2222222, hetu 010101-123N.
            Yritys 1572860-0. Soita asiakaspalveluun 010 400 5700 tai kirjoita tuki@operaattori.fi.
            Tuntematon vieras@example.com soitti numerosta 044 555 6666.
            """
        let result = redactor.redact(text)
        for kept in ["maija@koti.fi", "040 123 4567", "AS-1111111", "131052-308T", "010 400 5700", "tuki@operaattori.fi"] {
            #expect(result.text.contains(kept), "kept \(kept)")
        }
        for gone in ["Pekka", "Koskisen", "999 8887", "9998887", "2222222", "010101-123N", "1572860-0", "vieras@example.com", "555 6666"] {
            #expect(!result.text.contains(gone), "redacted \(gone)")
        }
        #expect(result.counts[.name] == 1)
        #expect(result.counts[.phone] == 3)
        #expect(result.counts[.personalID] == 1)
        #expect(result.counts[.email] == 1)
        #expect(result.counts[.customerNumber] == 1)
        #expect(result.counts[.businessID] == 1)
    }

    @Test func aSharedHouseholdAddressIsTheSubjectsButTheOtherHoldersNameIsNot() throws {
        let pekka = try reportRedactor(for: 2).redact("From: Maija Virtanen <koti@virtanen.fi>")
        #expect(pekka.text == "From: [nimi poistettu] <koti@virtanen.fi>")
        // A namesake's name is also the subject's own.
        let maija = try reportRedactor(for: 1).redact("Maija Virtanen kirjoitti")
        #expect(maija.text == "Maija Virtanen kirjoitti")
    }

    @Test func withoutTheKeyEveryPersonalIdentityCodeIsRedacted() throws {
        let subject = try #require(register.customer(id: 1))
        let redactor = TextRedactor(policy: .inspectionReport(
            subject: subject, register: register, ownDomains: [], companyPhones: [], hasher: nil))
        #expect(redactor.redact("131052-308T").text == RedactedKind.personalID.placeholder)
    }

    @Test func erasureRedactsOnlyWhatIsTheSubjectsAlone() throws {
        let subject = try #require(register.customer(id: 2))
        let redactor = TextRedactor(policy: .erasure(subject: subject, register: register, hasher: PrivacyFixture.hasher))
        let result = redactor.redact("Pekka Koskinen (AS-2222222, 050 999 8887, koti@virtanen.fi) ja Maija Virtanen AS-1111111")
        #expect(result.text == "[nimi poistettu] ([asiakasnumero poistettu], [puhelinnumero poistettu], koti@virtanen.fi) ja Maija Virtanen AS-1111111")
    }

    @Test func namesMatchWholeAndInflectedButNotInsideOtherWords() {
        let matcher = NameMatcher(names: ["Matti Koskinen", "Anna Mäkelä", "Konsultointi Hämäläinen Oy"])
        func found(_ text: String) -> [String] { matcher.matches(in: text).map { String(text[$0]) } }
        #expect(found("Kirjoitan puolisoni Matti Koskisen puolesta") == ["Matti Koskisen"])
        #expect(found("MATTI KOSKINEN soitti, samoin Anna Mäkelälle") == ["MATTI KOSKINEN", "Anna Mäkelälle"])
        #expect(found("Konsultointi Hämäläinen Oy:n lasku") == ["Konsultointi Hämäläinen Oy"])
        #expect(found("matti.koskinen@verkko.fi, Matti, Koskinen, Matti Korhonen") == [])
    }
}
