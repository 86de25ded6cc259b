import Foundation

/// Reads the times of a CDR, `YYYY-MM-DD HH:MM:SS` in the PBX's local time (also with `T` or a
/// fraction of a second), as instants.
enum PBXLocalTime {
    /// nil when the text is not such a time.
    static func parse(_ text: String, in timeZone: TimeZone) -> Date? {
        var scanner = TimestampScanner(text)
        guard let year = scanner.digits(4), scanner.skip(UInt8(ascii: "-")),
              let month = scanner.digits(2), scanner.skip(UInt8(ascii: "-")),
              let day = scanner.digits(2),
              scanner.skip(UInt8(ascii: " ")) || scanner.skip(UInt8(ascii: "T")),
              let hour = scanner.digits(2), scanner.skip(UInt8(ascii: ":")),
              let minute = scanner.digits(2), scanner.skip(UInt8(ascii: ":")),
              let second = scanner.digits(2), let fraction = scanner.fractionOfSecond(), scanner.isAtEnd
        else { return nil }
        let time = CivilTime(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction)
        return time.isValid ? time.date(in: timeZone) : nil
    }
}
