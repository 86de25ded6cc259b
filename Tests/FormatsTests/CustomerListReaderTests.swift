import Foundation
import Testing

@testable import Formats

@Suite("Customer lists")
struct CustomerListReaderTests {
    private func read(_ name: String) throws -> (reader: CustomerListReader, records: [SourceRecord<CustomerRecord>], errors: [RecordError]) {
        let reader = try CustomerListReader(path: Fixture.path(name))
        let (records, errors) = reader.split()
        return (reader, records, errors)
    }

    @Test func jsonLines() throws {
        let (reader, records, errors) = try read("customers/customers.jsonl")
        #expect(reader.format == .jsonLines)
        #expect(records.map(\.line) == [1, 2, 3, 6])
        #expect(errors.map(\.line) == [4, 5])
        #expect(errors[0].reason == "unknown kind 'robot', expected person or company")
        #expect(errors[1].reason == "missing id")
        #expect(records[0].value == CustomerRecord(
            sourceID: "C00001", kind: .person, name: "Matti Koskinen",
            emails: ["matti.koskinen@verkko.example", "matti79@gmail.example"], phones: ["046-6001338"],
            customerNumber: "AS-4335942", businessID: nil, personalID: "150493-605D",
            address: "Mannerheimintie 15, 00100 HELSINKI", marketingConsent: true))
        let company = records[1].value
        #expect(company.kind == .company)
        #expect(company.phones == ["(09) 123 456", "+358 40 1234567"])
        #expect(company.businessID == "1572860-0")
        #expect(company.address == "Teollisuuskatu 3, 33100 TAMPERE")
        #expect(company.marketingConsent == false)
        let numeric = records[2].value
        #expect(numeric.sourceID == "3")
        #expect(numeric.kind == .company)
        #expect(numeric.name == "Numero Oy")
        #expect(numeric.emails == ["info@numero.example", "laskutus@numero.example"])
        #expect(numeric.phones == ["040 111 2222"])
        #expect(records[3].value.emails.isEmpty)
        #expect(records[3].value.marketingConsent == nil)
    }

    @Test func semicolonCSVWithBOMAndFinnishHeaders() throws {
        let (reader, records, errors) = try read("customers/customers-semicolon.csv")
        #expect(reader.format == .csv(separator: ";"))
        #expect(records.map(\.line) == [2, 3, 6])
        #expect(errors.map(\.line) == [4])
        #expect(errors.first?.reason == "3 fields, the header has 11")
        #expect(records[0].value == CustomerRecord(
            sourceID: "AS-4335942", kind: .person, name: "Matti Koskinen",
            emails: ["matti.koskinen@verkko.example", "matti79@gmail.example"], phones: ["046-6001338"],
            customerNumber: "AS-4335942", businessID: nil, personalID: "150493-605D",
            address: "Mannerheimintie 15, 00100 HELSINKI", marketingConsent: true))
        let company = records[1].value
        #expect(company.kind == .company, "a Y-tunnus without a henkilötunnus makes a company")
        #expect(company.name == "Kuljetus Järvinen Oy; Tampere")
        #expect(company.phones == ["(09) 123 456", "+358 40 1234567"])
        #expect(company.marketingConsent == false)
        #expect(records[2].value.name == "Tiina Kärkkäinen")
        #expect(records[2].value.emails.isEmpty)
        #expect(records[2].value.address == nil)
        #expect(records[2].value.marketingConsent == nil)
    }

    @Test func commaCSVWithQuotedSeparatorsLineBreaksAndAStrayQuote() throws {
        let (reader, records, errors) = try read("customers/customers-comma.csv")
        #expect(reader.format == .csv(separator: ","))
        #expect(records.map(\.value.sourceID) == ["C00001", "C00002", "C00005"])
        #expect(records.map(\.line) == [2, 3, 7])
        #expect(records[0].value.emails == ["matti.koskinen@verkko.example", "matti79@gmail.example"])
        #expect(records[0].value.address == "Mannerheimintie 15, 00100 HELSINKI")
        #expect(records[1].value.phones == ["(09) 123 456", "+358 40 1234567"])
        #expect(String(decoding: records[1].raw, as: UTF8.self).contains("456\n+358"))
        #expect(errors.map(\.line) == [5, 6])
        #expect(errors[0].reason == "a quoted field is not closed (a stray '\"'?)")
        #expect(errors[1].reason == "marketing consent: not yes or no: 'maybe'")
    }

    @Test func aStrayQuoteClosedByALaterRowCostsOnlyItsOwnRow() throws {
        let file = try TemporaryFile(
            name: "list.csv", text: "id,name,emails\nC1,\"Bad quote,a@x.fi\nC2,\"Hyvä, Rivi\",b@x.fi\nC3,Ok,c@x.fi\n")
        let (records, errors) = try CustomerListReader(path: file.path).split()
        #expect(errors.map(\.line) == [2])
        #expect(records.map(\.value.sourceID) == ["C2", "C3"])
        #expect(records.first?.value.name == "Hyvä, Rivi")
    }

    @Test func excelSeparatorHintWindows1252AndNameParts() throws {
        let text: [UInt8] = Array("sep=;\r\nasiakasnumero;etunimi;sukunimi;s\u{E4}hk\u{F6}posti\r\n".utf8)
            + [0x41, 0x53, 0x2D, 0x31, 0x3B, 0x50, 0xE4, 0x69, 0x76, 0x69, 0x3B, 0x4B, 0xF6, 0x6C, 0x6A, 0xE4, 0x3B]
            + Array("paivi@example.fi paivi.kolja@example.fi\r\n".utf8)
        let file = try TemporaryFile(name: "asiakkaat.csv", bytes: text)
        let reader = try CustomerListReader(path: file.path)
        #expect(reader.format == .csv(separator: ";"))
        let (records, errors) = reader.split()
        #expect(errors.isEmpty)
        let customer = try #require(records.first?.value)
        #expect(customer.sourceID == "AS-1")
        #expect(customer.name == "Päivi Köljä")
        #expect(customer.emails == ["paivi@example.fi", "paivi.kolja@example.fi"])
        #expect(records.first?.line == 3)
    }

    @Test func filesThatAreNotCustomerLists() throws {
        let noID = try TemporaryFile(name: "list.csv", text: "nimi,puhelin\nMatti,040 123\n")
        do {
            _ = try CustomerListReader(path: noID.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.reason.hasPrefix("the header row names no id or customer number column (found 'nimi', 'puhelin')"))
        }
        let utf16 = try TemporaryFile(name: "list.csv", bytes: [0xFF, 0xFE, 0x69, 0x00, 0x64, 0x00])
        #expect(throws: FormatFileError(path: utf16.path, reason: "UTF-16 text; save the list as UTF-8")) {
            try CustomerListReader(path: utf16.path)
        }
        let array = try TemporaryFile(name: "list.json", text: "[{\"id\": \"C1\"}]")
        #expect(throws: FormatFileError.self) { try CustomerListReader(path: array.path) }
    }

    @Test func columnNames() {
        #expect(CustomerField(columnName: "Sähköposti") == .emails)
        #expect(CustomerField(columnName: "sahkoposti") == .emails)
        #expect(CustomerField(columnName: " Y-tunnus ") == .businessID)
        #expect(CustomerField(columnName: "HENKILÖTUNNUS") == .personalID)
        #expect(CustomerField(columnName: "customer_number") == .customerNumber)
        #expect(CustomerField(columnName: "E-mail") == .emails)
        #expect(CustomerField(columnName: "Puh.") == .phones)
        #expect(CustomerField(columnName: "huomautus") == nil)
    }
}
