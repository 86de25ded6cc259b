import Foundation

/// Reads the ISO 8601 / RFC 3339 timestamps of JSON exports: `2024-08-26T13:36:00+02:00`,
/// `2024-08-26T11:36:00Z`, `2024-08-26T11:36:00.123Z`, `+0200` or `+02` offsets, a space instead of `T`,
/// no seconds. A timestamp without an offset is read as UTC (what exporters that omit it mean);
/// a date alone is midnight UTC.
enum ISO8601Timestamp {
    static func parse(_ text: String) -> Date? {
        var scanner = TimestampScanner(text.trimmed)
        guard let year = scanner.digits(4), scanner.skip(UInt8(ascii: "-")),
              let month = scanner.digits(2), scanner.skip(UInt8(ascii: "-")),
              let day = scanner.digits(2)
        else { return nil }
        var time = CivilTime(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        if scanner.isAtEnd {
            return time.isValid ? Date(timeIntervalSince1970: time.secondsAsIfUTC) : nil
        }
        guard scanner.skip(UInt8(ascii: "T")) || scanner.skip(UInt8(ascii: "t")) || scanner.skip(UInt8(ascii: " ")),
              let hour = scanner.digits(2), scanner.skip(UInt8(ascii: ":")), let minute = scanner.digits(2)
        else { return nil }
        time.hour = hour
        time.minute = minute
        if scanner.skip(UInt8(ascii: ":")) {
            guard let second = scanner.digits(2), let fraction = scanner.fractionOfSecond() else { return nil }
            time.second = second
            time.fraction = fraction
        }
        guard time.isValid, let offset = parseOffset(&scanner), scanner.isAtEnd else { return nil }
        return Date(timeIntervalSince1970: time.secondsAsIfUTC - Double(offset))
    }

    /// The offset in seconds east of UTC: `Z`, `+02:00`, `+0200`, `+02`; 0 when none is written.
    private static func parseOffset(_ scanner: inout TimestampScanner) -> Int? {
        _ = scanner.skip(UInt8(ascii: " "))
        if scanner.isAtEnd { return 0 }
        if scanner.skip(UInt8(ascii: "Z")) || scanner.skip(UInt8(ascii: "z")) { return 0 }
        let sign: Int
        if scanner.skip(UInt8(ascii: "+")) {
            sign = 1
        } else if scanner.skip(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        guard let hours = scanner.digits(2), hours <= 18 else { return nil }
        var minutes = 0
        if !scanner.isAtEnd {
            _ = scanner.skip(UInt8(ascii: ":"))
            guard let value = scanner.digits(2), value < 60 else { return nil }
            minutes = value
        }
        return sign * (hours * 3_600 + minutes * 60)
    }
}
