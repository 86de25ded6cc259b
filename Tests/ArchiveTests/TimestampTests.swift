import Foundation
import Testing

@testable import Archive

/// Times the archive cannot write as `YYYY-MM-DDTHH:MM:SSZ` (issue 17: `1e22` seconds trapped the
/// import in `Timestamp.format`) are written as the nearest end of the range; importers quarantine
/// them before, so this only keeps a stray one from trapping.
@Suite struct TimestampTests {
    @Test(arguments: [
        (1e22, "9999-12-31T23:59:59Z"), (-1e22, "0001-01-01T00:00:00Z"), (Double.infinity, "9999-12-31T23:59:59Z"),
        (-Double.infinity, "0001-01-01T00:00:00Z"), (Double.nan, "0001-01-01T00:00:00Z"),
        (1_736_838_720, "2025-01-14T07:12:00Z"), (-1, "1969-12-31T23:59:59Z"),
    ])
    func formatsEveryDoubleWithoutTrapping(seconds: Double, text: String) {
        #expect(Timestamp.format(Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test func parsesOnlyTimesItCanWrite() {
        #expect(Timestamp.parse("2025-01-14T07:12:00Z") == Date(timeIntervalSince1970: 1_736_838_720))
        #expect(Timestamp.parse("9999-12-31T23:59:59Z") == Date(timeIntervalSince1970: 253_402_300_799))
        #expect(Timestamp.parse("99999999999-01-01T00:00:00Z") == nil)
        #expect(Timestamp.parse("2025-13-01T00:00:00Z") == nil)
        #expect(Timestamp.parse("2025-01-01T00:00:99999999999999Z") == nil)
    }
}
