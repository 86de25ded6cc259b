import Foundation

/// A calendar date and wall-clock time as written, without a time zone.
struct CivilTime: Sendable, Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    var fraction: Double = 0

    /// Seconds since 1970-01-01 00:00 if this time were UTC.
    var secondsAsIfUTC: Double {
        Double(Self.daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second)
            + fraction
    }

    /// The instant this wall-clock time denotes in `timeZone`. A time that falls in the hour skipped
    /// when clocks go forward is read with the offset before the change; a time in the hour repeated
    /// when clocks go back is read as the later, standard-time occurrence.
    func date(in timeZone: TimeZone) -> Date {
        let naive = secondsAsIfUTC
        let firstGuess = naive - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: naive)))
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: firstGuess))
        return Date(timeIntervalSince1970: naive - Double(offset))
    }

    /// True when the fields name a real date and time (a leap second `:60` is allowed).
    var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= Self.daysIn(month: month, year: year) && (0...23).contains(hour)
            && (0...59).contains(minute) && (0...60).contains(second)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// Reads the numbers of a timestamp from ASCII bytes.
struct TimestampScanner {
    private let bytes: [UInt8]
    private(set) var index = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var isAtEnd: Bool { index >= bytes.count }
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Exactly `count` digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        index += count
        return value
    }

    /// One or more digits; returns the value and how many digits there were.
    mutating func digitRun() -> (value: Int, count: Int)? {
        let start = index
        var value = 0
        while let byte = current, byte >= 0x30 && byte <= 0x39, index - start < 18 {
            value = value * 10 + Int(byte - 0x30)
            index += 1
        }
        return index > start ? (value, index - start) : nil
    }

    /// Consumes `byte` if it is next.
    mutating func skip(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        index += 1
        return true
    }

    /// `.` or `,` followed by digits, as a fraction of a second; 0 when there is none.
    mutating func fractionOfSecond() -> Double? {
        guard current == UInt8(ascii: ".") || current == UInt8(ascii: ",") else { return 0 }
        index += 1
        let start = index
        var value = 0.0
        var scale = 1.0
        while let byte = current, byte >= 0x30 && byte <= 0x39 {
            scale /= 10
            value += Double(byte - 0x30) * scale
            index += 1
        }
        return index > start ? value : nil
    }
}
