import Foundation

/// Timestamps as the archive stores them: UTC, `YYYY-MM-DDTHH:MM:SSZ`, which sorts as text.
public enum Timestamp {
    /// The seconds since 1970 the format can write: 0001-01-01T00:00:00Z through 9999-12-31T23:59:59Z.
    /// Importers quarantine times outside it; ``format(_:)`` never traps on them.
    public static let representableSeconds: ClosedRange<Double> = -62_135_596_800...253_402_300_799

    /// The time as stored. A time outside ``representableSeconds`` (or not a number) is written as
    /// the nearest end of that range, so the text still sorts right; importers check times before.
    public static func format(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        let clamped = interval.isNaN ? representableSeconds.lowerBound
            : min(max(interval.rounded(.down), representableSeconds.lowerBound), representableSeconds.upperBound)
        var seconds = time_t(clamped)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text = ""
        text.reserveCapacity(20)
        append(Int(parts.tm_year) + 1900, digits: 4, to: &text)
        text.append("-")
        append(Int(parts.tm_mon) + 1, digits: 2, to: &text)
        text.append("-")
        append(Int(parts.tm_mday), digits: 2, to: &text)
        text.append("T")
        append(Int(parts.tm_hour), digits: 2, to: &text)
        text.append(":")
        append(Int(parts.tm_min), digits: 2, to: &text)
        text.append(":")
        append(Int(parts.tm_sec), digits: 2, to: &text)
        text.append("Z")
        return text
    }

    /// Zero-padded decimal digits (the import writes several timestamps per message, and
    /// `String(format:)` cost about 2% of it).
    private static func append(_ value: Int, digits: Int, to text: inout String) {
        let decimal = String(value)
        if decimal.utf8.count < digits {
            text.append(String(repeating: "0", count: digits - decimal.utf8.count))
        }
        text.append(decimal)
    }

    /// Reads back a stored timestamp; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let fields = text.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int($0) }
        guard fields.count == 6, (1...9999).contains(fields[0]), (1...12).contains(fields[1]),
              (1...31).contains(fields[2]), (0...23).contains(fields[3]), (0...59).contains(fields[4]),
              (0...60).contains(fields[5])
        else { return nil }
        var parts = tm()
        parts.tm_year = Int32(fields[0] - 1900)
        parts.tm_mon = Int32(fields[1] - 1)
        parts.tm_mday = Int32(fields[2])
        parts.tm_hour = Int32(fields[3])
        parts.tm_min = Int32(fields[4])
        parts.tm_sec = Int32(fields[5])
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
