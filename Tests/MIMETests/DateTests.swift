import Foundation
import Testing

@testable import MIME

@Suite("Dates")
struct DateTests {
    /// The parsed date as `YYYY-MM-DDTHH:MM:SSZ`, or nil.
    private func utc(_ value: String) -> String? {
        DateParser.parse(value).map(MessageSummary.format)
    }

    @Test(arguments: [
        ("Tue, 1 Jul 2025 10:00:00 +0300", "2025-07-01T07:00:00Z"),
        ("1 Jul 2025 10:00 +0300", "2025-07-01T07:00:00Z"),
        ("Tue, 01 Jul 25 10:00:00 EST", "2025-07-01T15:00:00Z"),
        ("Thu, 01 Jul 99 10:00:00 GMT", "1999-07-01T10:00:00Z"),
        ("Tue,  1  Jul  2025  10:00:00  -0000", "2025-07-01T10:00:00Z"),
        ("Tus, 1 Jul 2025 10:00:00 Z", "2025-07-01T10:00:00Z"),
        ("Tue, 1 Jul 2025 10:00:00 A", "2025-07-01T10:00:00Z"),
        ("Tue, 1 Jul 2025 10:00:00 UT", "2025-07-01T10:00:00Z"),
        ("Tue, 1 Jul 2025 10:00:00 PDT", "2025-07-01T17:00:00Z"),
        ("Tue, 1 Jul 2025 10:00:00", "2025-07-01T10:00:00Z"),
        ("Tue, 1 Jul 2025 10:00:00 +0300 (EEST)", "2025-07-01T07:00:00Z"),
        ("Tue Jul  1 10:00:00 2025", "2025-07-01T10:00:00Z"),
        ("1 July 2025 10:00:00 PDT", "2025-07-01T17:00:00Z"),
        ("Tue, 1 Jul 2025 10.00.00 +0300", "2025-07-01T07:00:00Z"),
        ("01-Jul-2025 23:30:00 -0130", "2025-07-02T01:00:00Z"),
        ("Wednesday, 31 Dec 1997 23:59:59 -0800", "1998-01-01T07:59:59Z"),
        ("Sat, 29 Feb 2020 12:00:00 +0000", "2020-02-29T12:00:00Z"),
        ("2025-07-01T10:00:00+02:00", "2025-07-01T08:00:00Z"),
        ("2025-07-01 10:00:00", "2025-07-01T10:00:00Z"),
        ("2025-07-01T10:00:00.123Z", "2025-07-01T10:00:00Z"),
        ("Mon, 30 Jun 2025 23:59:60 +0000", "2025-06-30T23:59:59Z"),
    ])
    func readsTheFormsRealMailUses(value: String, expected: String) {
        #expect(utc(value) == expected)
    }

    @Test(arguments: ["garbage", "", "Tue, 31 Feb 2025 10:00:00 +0000", "Tue, 1 Jul 2025 25:00:00 +0000", "32 Jul 2025 10:00"])
    func rejectsImpossibleDates(value: String) {
        #expect(utc(value) == nil)
    }

    @Test func unreadableDateIsADefect() throws {
        let message = try parse("Date: sometime soon\n\nx")
        #expect(message.date == nil)
        #expect(message.defectKinds == [.malformedDate])
    }

    @Test func formatsBeforeTheEpoch() {
        #expect(MessageSummary.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }
}
