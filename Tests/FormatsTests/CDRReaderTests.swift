import Foundation
import Testing

@testable import Formats

@Suite("Asterisk CDR")
struct CDRReaderTests {
    private func readFixture(timeZone: TimeZone = CDRReader.defaultTimeZone) throws
        -> (records: [SourceRecord<CallDetailRecord>], errors: [RecordError])
    {
        try CDRReader(path: Fixture.path("calls/Master.csv"), timeZone: timeZone).split()
    }

    @Test func readsRowsAndReportsShortAndBadOnes() throws {
        let (records, errors) = try readFixture()
        #expect(records.map(\.value.uniqueID) == ["1721026800.6", "1705305600.18", "1711846799.20", "1729992600.22", "1730790000.26"])
        #expect(records.map(\.line) == [1, 2, 3, 5, 7])
        #expect(errors.map(\.line) == [4, 6])
        #expect(errors[0].reason == "6 fields, expected 18")
        #expect(errors[1].reason == "start: not a time 'YYYY-MM-DD HH:MM:SS': '2024-13-01 10:00:00'")
        #expect(errors[0].description.hasSuffix("Master.csv:4: 6 fields, expected 18"))
        #expect(String(decoding: errors[0].raw, as: UTF8.self) == #""","0401112223","0104005700","from-external","<0401112223>","SIP/trunk-00000021""#)
    }

    @Test func readsAllColumnsOfAQuotedRow() throws {
        let call = try #require(readFixture().records.first?.value)
        #expect(call.accountCode == "")
        #expect(call.source == "0463010310")
        #expect(call.destination == "0104005700")
        #expect(call.context == "from-external")
        #expect(call.callerID == #""Markku Lindqvist" <0463010310>"#)
        #expect(call.callerName == "Markku Lindqvist")
        #expect(call.callerNumber == "0463010310")
        #expect(call.channel == "SIP/trunk-00000007")
        #expect(call.destinationChannel == "SIP/222-00000008")
        #expect(call.lastApplication == "Dial")
        #expect(call.lastData == "SIP/200,30")
        #expect(call.duration == 629)
        #expect(call.billableSeconds == 611)
        #expect(call.disposition == "ANSWERED")
        #expect(call.amaFlags == "DOCUMENTATION")
        #expect(call.userField == "rec-1721026800.6.wav")
    }

    @Test func convertsHelsinkiLocalTimeToUTCInSummerAndWinter() throws {
        let records = try readFixture().records.map(\.value)
        // 2024-07-15 10:00:00 EEST (UTC+3) and 2024-01-15 10:00:00 EET (UTC+2).
        #expect(records[0].start == Date(utc: 1_721_026_800))
        #expect(records[0].answer == Date(utc: 1_721_026_818))
        #expect(records[0].end == Date(utc: 1_721_027_429))
        #expect(records[1].start == Date(utc: 1_705_305_600))
        // Across the spring change: 02:59:59 EET, then 04:00:25 EEST, 26 seconds later.
        #expect(records[2].start == Date(utc: 1_711_846_799))
        #expect(records[2].answer == nil)
        #expect(records[2].end == Date(utc: 1_711_846_825))
        // 03:30 on the autumn day happens twice; read as the later, standard-time one.
        #expect(records[3].start == Date(utc: 1_729_992_600))
    }

    @Test func otherTimeZones() throws {
        let utc = try readFixture(timeZone: TimeZone(identifier: "UTC") ?? .gmt).records
        #expect(utc[0].value.start == Date(utc: 1_721_037_600))
    }

    @Test func toleratesUnquotedRowsAndAMissingUserField() throws {
        let records = try readFixture().records.map(\.value)
        let unquoted = records[3]
        #expect(unquoted.callerName == "Anna Aalto")
        #expect(unquoted.callerNumber == "0501234567")
        #expect(unquoted.lastData == "SIP/200,30")
        #expect(unquoted.userField == "rec-1729992600.22.wav")
        #expect(records[4].userField == "")
        #expect(records[4].billableSeconds == 60)
        #expect(records[1].callerName == nil)
        #expect(records[1].callerNumber == "201")
        #expect(records[2].callerName == #"Ville "Vilho" Virta"#)
        #expect(records[2].disposition == "NO ANSWER")
    }

    @Test func rawBytesExcludeTheCRLF() throws {
        let record = try #require(readFixture().records.first)
        #expect(record.raw.last == UInt8(ascii: "\""))
        #expect(record.byteOffset == 0)
    }

    @Test(arguments: [
        (#""Markku Lindqvist" <0463010310>"#, "Markku Lindqvist", "0463010310"),
        ("<201>", nil, "201"), ("Anna Aalto <+358501234567>", "Anna Aalto", "+358501234567"),
        (#""" <0401234567>"#, nil, "0401234567"), (#""Anonymous" <>"#, "Anonymous", nil),
        ("0401234567", nil, "0401234567"), ("Tuntematon", "Tuntematon", nil), ("", nil, nil),
    ] as [(String, String?, String?)])
    func splitsCallerIDs(text: String, name: String?, number: String?) {
        #expect(CallerID(parsing: text) == CallerID(name: name, number: number))
    }

    @Test func splitsCSVFieldsTolerantly() {
        #expect(CSVLine.split(Array(#""a","b ""c"" d",,e"#.utf8), separator: 44) == .fields(["a", #"b "c" d"#, "", "e"]))
        #expect(CSVLine.split(Array(#"a,"b,c"x ,d"#.utf8), separator: 44) == .fields(["a", "b,cx", "d"]))
        #expect(CSVLine.split(Array(#"5" näyttö,x"#.utf8), separator: 44) == .fields([#"5" näyttö"#, "x"]))
        #expect(CSVLine.split(Array(#"a,"b"#.utf8), separator: 44) == .unterminatedQuote)
        #expect(CSVLine.split([0x4A, 0xE4, 0x72, 0x76, 0x69], separator: 44) == .fields(["Järvi"]))  // Windows-1252
        #expect(CSVLine.split([], separator: 44) == .fields([""]))
    }

    @Test func rejectsAHeaderRowAndNonCSV() throws {
        let header = try TemporaryFile(
            name: "Master.csv",
            text: "accountcode,src,dst,dcontext,clid,channel,dstchannel,lastapp,lastdata,start,answer,end,duration,billsec,disposition,amaflags,uniqueid,userfield\n")
        #expect(throws: FormatFileError.self) { try CDRReader(path: header.path) }
        let json = try TemporaryFile(name: "Master.csv", text: "{\"id\": 1}\n")
        #expect(throws: FormatFileError.self) { try CDRReader(path: json.path) }
    }
}
