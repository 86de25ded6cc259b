import Foundation
import Testing

@testable import Formats

/// Inputs a fuzzer or a careless exporter produced (issue 17): each bad value costs only its own
/// record, with a reason that names the field and the value, and never traps.
@Suite("Hostile input values")
struct HostileInputTests {
    static let comment = #"{"author": {"name": "A", "email": "a@b.fi", "role": "end-user"}, "public": true, "body": "lasku""#

    @Test(arguments: [
        (#"{"id": 1, "subject": "s", "comments": [\#(comment), "created_at": 1e22}]}"#, "comment 1: created_at: out of range", "1e22"),
        (#"{"id": 1, "subject": "s", "comments": [\#(comment), "created_at": -1e22}]}"#, "comment 1: created_at: out of range", "-1e22"),
        (#"{"id": 1, "subject": "s", "created_at": 1e22, "comments": [\#(comment)}]}"#, "created_at: out of range", "1e22"),
        (#"{"id": 1, "subject": "s", "updated_at": -1e22, "comments": [\#(comment)}]}"#, "updated_at: out of range", "-1e22"),
        (#"{"id": 1, "subject": "s", "updated_at": 1e308, "comments": []}"#, "updated_at: out of range", "1e308"),
        (#"{"id": 1, "subject": "s", "created_at": "0000-01-01T00:00:00Z", "comments": []}"#, "created_at: out of range", "0000-01-01"),
        (#"{"id": 1, "subject": "s", "created_at": 1e999, "comments": []}"#, "created_at: not a time", "1e999"),
    ])
    func ticketTimesOutOfRangeAreRecordErrorsNamingFieldAndValue(line: String, reason: String, value: String) throws {
        let good = #"{"id": 2, "subject": "s", "created_at": 1736838720, "comments": []}"#
        let file = try TemporaryFile(name: "tickets.jsonl", text: line + "\n" + good + "\n")
        let (records, errors) = try HelpdeskExportReader(path: file.path).split()
        #expect(records.map(\.value.id) == ["2"])
        let error = try #require(errors.first)
        #expect(error.line == 1)
        #expect(error.reason.hasPrefix(reason), "\(error.reason)")
        #expect(error.reason.contains(value), "\(error.reason)")
    }

    @Test func timesAtTheEndsOfTheRangeAreRead() throws {
        let text = #"{"id": 1, "created_at": "9999-12-31T23:59:59Z", "updated_at": -62135596800, "comments": []}"#
        let file = try TemporaryFile(name: "tickets.jsonl", text: text)
        let ticket = try #require(try HelpdeskExportReader(path: file.path).split().records.first?.value)
        #expect(ticket.createdAt == Date(timeIntervalSince1970: 253_402_300_799))
        #expect(ticket.updatedAt == Date(timeIntervalSince1970: -62_135_596_800))
    }

    @Test(arguments: [100_000])
    func deeplyNestedJSONIsAParseFailureNotACrash(levels: Int) throws {
        let nested = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(nested.utf8)) }
        let objects = String(repeating: #"{"a":"#, count: levels) + "1" + String(repeating: "}", count: levels)
        let text = #"{"id": 1, "subject": "s", "comments": [], "x": "# + objects + "}\n" + #"{"id": 2, "comments": []}"#
        let file = try TemporaryFile(name: "tickets.jsonl", text: text)
        let (records, errors) = try HelpdeskExportReader(path: file.path).split()
        #expect(records.map(\.value.id) == ["2"])
        #expect(errors.first?.reason.contains("nested deeper than \(JSONParser.maxDepth) levels") == true)
    }

    static func cdrRow(duration: String = "629", billsec: String = "611", uniqueID: String = "1741503120.6") -> String {
        #""","0401234567","0104005700","from-external","<0401234567>","SIP/trunk-1","SIP/222-1","Dial","SIP/200,30","#
            + #""2025-03-09 08:52:00","2025-03-09 08:52:18","2025-03-09 09:02:29","\#(duration)","\#(billsec)","#
            + #""ANSWERED","DOCUMENTATION","\#(uniqueID)","""#
    }

    @Test(arguments: [
        ("99999999999999999999999", "duration: out of range"), ("1000000001", "duration: out of range"),
        ("-5", "duration: not a number of seconds"), ("1e22", "duration: not a number of seconds"),
    ])
    func cdrSecondsOutOfRangeAreRecordErrors(duration: String, reason: String) throws {
        let text = Self.cdrRow(duration: duration) + "\n" + Self.cdrRow(uniqueID: "2") + "\n"
        let file = try TemporaryFile(name: "Master.csv", text: text)
        let (records, errors) = try CDRReader(path: file.path).split()
        #expect(records.map(\.value.uniqueID) == ["2"])
        #expect(errors.first?.reason.hasPrefix(reason) == true, "\(errors.first?.reason ?? "")")
        #expect(errors.first?.reason.contains(duration) == true)
    }

    @Test func aCDRRowWithALineBreakInAQuotedFieldIsOneRecord() throws {
        let multiline = Self.cdrRow(uniqueID: "1").replacingOccurrences(of: "<0401234567>", with: "Aino\nMäkelä <0401234567>")
        let text = multiline + "\n" + Self.cdrRow(uniqueID: "2") + "\n"
        let file = try TemporaryFile(name: "Master.csv", text: text)
        let (records, errors) = try CDRReader(path: file.path).split()
        #expect(errors.isEmpty)
        #expect(records.map(\.value.uniqueID) == ["1", "2"])
        #expect(records.map(\.line) == [1, 3])
        #expect(records.first?.value.callerID == "Aino\nMäkelä <0401234567>")
        #expect(records.first?.raw == Array(multiline.utf8))
    }

    @Test func aCDRRowWithALineBreakAndABadTimeIsOneRecordError() throws {
        let multiline = Self.cdrRow(uniqueID: "1").replacingOccurrences(of: "<0401234567>", with: "Aino\nMäkelä <0401234567>")
            .replacingOccurrences(of: "2025-03-09 08:52:00", with: "9.3.2025 8.52")
        let text = multiline + "\n" + Self.cdrRow(uniqueID: "2") + "\n"
        let file = try TemporaryFile(name: "Master.csv", text: text)
        let (records, errors) = try CDRReader(path: file.path).split()
        #expect(records.map(\.value.uniqueID) == ["2"])
        #expect(errors.map(\.line) == [1])
        #expect(errors.first?.reason == "start: not a time 'YYYY-MM-DD HH:MM:SS': '9.3.2025 8.52'")
        #expect(errors.first?.raw == Array(multiline.utf8))
    }

    @Test func aNULByteEarlyInACDRFileCostsOnlyItsRow() throws {
        var bytes = Array((Self.cdrRow(uniqueID: "1") + "\n").utf8)
        bytes[5] = 0
        bytes += Array((Self.cdrRow(uniqueID: "2") + "\n" + Self.cdrRow(uniqueID: "3") + "\n").utf8)
        let file = try TemporaryFile(name: "Master.csv", bytes: bytes)
        let (records, errors) = try CDRReader(path: file.path).split()
        #expect(records.map(\.value.uniqueID) == ["2", "3"])
        #expect(errors.map(\.line) == [1])
        #expect(errors.first?.reason.hasPrefix("a NUL byte at column 6") == true)
        #expect(errors.first?.raw.count == bytes.firstIndex(of: 0x0A))
    }

    @Test func binaryFilesAreStillRefusedAsAWhole() throws {
        let binary = try TemporaryFile(name: "Master.csv", bytes: [UInt8](repeating: 0, count: 100) + Array("a,b\n".utf8))
        #expect(throws: FormatFileError.self) { try CDRReader(path: binary.path) }
        let workbook = try TemporaryFile(name: "customers.csv", bytes: [0x50, 0x4B, 0x03, 0x04] + Array("id,name\n".utf8))
        #expect(throws: FormatFileError.self) { try CustomerListReader(path: workbook.path) }
        let utf16 = try TemporaryFile(name: "customers.csv", bytes: Array("id,name\n1,Aino\n".utf8).flatMap { [$0, 0] })
        #expect(throws: FormatFileError.self) { try CustomerListReader(path: utf16.path) }
    }

    @Test(arguments: ["customers.csv", "customers.jsonl"])
    func aNULByteEarlyInACustomerListCostsOnlyItsRecord(name: String) throws {
        let csv = name.hasSuffix(".csv")
        let lines = csv
            ? ["id,name,emails", "C1,Aino X,aino@example.fi", "C2,Eero,eero@example.fi", "C3,Ilona,ilona@example.fi"]
            : [#"{"id": "C1", "name": "Aino X"}"#, #"{"id": "C2", "name": "Eero"}"#, #"{"id": "C3", "name": "Ilona"}"#]
        var bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        let nul = try #require(bytes.firstIndex(of: UInt8(ascii: "X")))
        bytes[nul] = 0
        let file = try TemporaryFile(name: name, bytes: bytes)
        let (records, errors) = try CustomerListReader(path: file.path).split()
        #expect(records.map(\.value.sourceID) == ["C2", "C3"])
        #expect(errors.count == 1)
        #expect(errors.first?.reason.hasPrefix("a NUL byte at column") == true, "\(errors.first?.reason ?? "")")
        #expect(errors.first?.raw.contains(0) == true)
    }

    @Test func aWAVWithANegativeRF64DataSizeIsInvalid() throws {
        func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        func le16(_ v: UInt16) -> [UInt8] { (0..<2).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        let ds64 = Array("ds64".utf8) + le32(28) + le32(0) + le32(0) + le32(0) + le32(0xFFFF_FFFF) + le32(0) + le32(0) + le32(0)
        let format = Array("fmt ".utf8) + le32(16) + le16(1) + le16(1) + le32(8000) + le32(16000) + le16(2) + le16(16)
        let bytes = Array("RF64".utf8) + le32(0xFFFF_FFFF) + Array("WAVE".utf8) + ds64 + format
            + Array("data".utf8) + le32(0xFFFF_FFFF) + [UInt8](repeating: 0, count: 64)
        #expect(throws: WAVError.invalid("'ds64' data size -4294967296 is negative")) { try WAVHeader.parse(bytes) }
    }

    @Test func webVTTHoursAtTheLimitDoNotOverflow() {
        let longest = WebVTTTimestamp.seconds("999999999:59:59.999")
        #expect(longest.map { abs($0 - 3_600_000_000_000 + 0.001) < 0.01 } == true)
        #expect(WebVTTTimestamp.seconds("9999999999:00:00.000") == nil)
    }
}
