import Foundation

/// Reads the dates real mail carries and normalises them to UTC: RFC 5322 (`Tue, 1 Jul 2025
/// 10:00:00 +0300`), obsolete zones (`GMT`, `UT`, `EST`, military letters), missing seconds or
/// weekday, two- and three-digit years, misspelt weekdays, extra white space and comments, asctime
/// (`Tue Jul  1 10:00:00 2025`), hyphenated (`01-Jul-2025`) and ISO 8601 (`2025-07-01T10:00:00+02:00`).
enum DateParser {
    static func parse(_ value: String) -> Date? {
        let bytes = Array(value.utf8)
        if let seconds = parseISO(bytes) ?? parseRFC(bytes) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return nil
    }

    // MARK: - RFC 5322 and relatives

    private enum Token {
        case word([UInt8])  // letters, lowercased
        case number(value: Int, digits: Int)
        case time(hour: Int, minute: Int, second: Int)
        case zone(seconds: Int)
    }

    private static func parseRFC(_ bytes: [UInt8]) -> Int? {
        let tokens = tokenize(bytes)
        var month: Int? = nil
        var numbers: [(value: Int, digits: Int)] = []
        var time: (hour: Int, minute: Int, second: Int)? = nil
        var offset: Int? = nil
        for token in tokens {
            switch token {
            case .word(let letters):
                if month == nil, let found = monthNumber(letters) {
                    month = found
                } else if time != nil, offset == nil, let zone = zoneOffset(letters) {
                    offset = zone
                }
            case .number(let value, let digits):
                numbers.append((value, digits))
            case .time(let hour, let minute, let second):
                if time == nil { time = (hour, minute, second) }
            case .zone(let seconds):
                if offset == nil && time != nil { offset = seconds }
            }
        }
        guard let month, let time, !numbers.isEmpty else { return nil }
        // Day: the first number of one or two digits; year: the first four-digit number, else the next one.
        guard let dayIndex = numbers.firstIndex(where: { $0.digits <= 2 && $0.value >= 1 && $0.value <= 31 }) else {
            return nil
        }
        let day = numbers[dayIndex].value
        var yearEntry = numbers.first { $0.digits == 4 }
        if yearEntry == nil {
            yearEntry = numbers.indices.filter { $0 != dayIndex }.first.map { numbers[$0] }
        }
        guard let (rawYear, yearDigits) = yearEntry else { return nil }
        var year = rawYear
        if yearDigits <= 2 {
            year += year < 50 ? 2000 : 1900
        } else if yearDigits == 3 {
            year += 1900
        }
        return epochSeconds(year: year, month: month, day: day, hour: time.hour, minute: time.minute,
                            second: time.second, offset: offset ?? 0)
    }

    private static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        let end = bytes.count
        var atTokenStart = true
        while index < end {
            let byte = bytes[index]
            if byte == ASCIIByte.openParen {
                var depth = 0
                while index < end {
                    if bytes[index] == ASCIIByte.openParen { depth += 1 }
                    if bytes[index] == ASCIIByte.closeParen {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    index += 1
                }
                index += 1
                atTokenStart = true
                continue
            }
            if ASCIIByte.isLetter(byte) {
                let start = index
                while index < end && ASCIIByte.isLetter(bytes[index]) { index += 1 }
                tokens.append(.word(bytes[start..<index].map(ASCIIByte.lowercased)))
                atTokenStart = false
                continue
            }
            if byte == ASCIIByte.plus || (byte == ASCIIByte.minus && atTokenStart) {
                // A numeric zone: +hhmm, -hhmm, +hh:mm, +hh.
                var digitsEnd = index + 1
                var digits: [Int] = []
                while digitsEnd < end, digits.count < 4 {
                    let next = bytes[digitsEnd]
                    if ASCIIByte.isDigit(next) {
                        digits.append(Int(next &- 0x30))
                    } else if next != ASCIIByte.colon || digits.count != 2 {
                        break
                    }
                    digitsEnd += 1
                }
                if digits.count == 4 || digits.count == 2 {
                    let hours = digits[0] * 10 + digits[1]
                    let minutes = digits.count == 4 ? digits[2] * 10 + digits[3] : 0
                    if hours < 24 && minutes < 60 {
                        let sign = byte == ASCIIByte.minus ? -1 : 1
                        tokens.append(.zone(seconds: sign * (hours * 3600 + minutes * 60)))
                    }
                    index = digitsEnd
                    atTokenStart = false
                    continue
                }
                index += 1
                continue
            }
            if ASCIIByte.isDigit(byte) {
                let start = index
                while index < end && ASCIIByte.isDigit(bytes[index]) { index += 1 }
                let first = number(bytes[start..<index])
                // A time: h:mm[:ss] (also with dots).
                if index < end, bytes[index] == ASCIIByte.colon || bytes[index] == ASCIIByte.dot,
                    index + 1 < end, ASCIIByte.isDigit(bytes[index + 1]), index - start <= 2
                {
                    let separator = bytes[index]
                    var parts = [first]
                    while index < end, bytes[index] == separator, index + 1 < end, ASCIIByte.isDigit(bytes[index + 1]),
                        parts.count < 3
                    {
                        index += 1
                        let partStart = index
                        while index < end && ASCIIByte.isDigit(bytes[index]) { index += 1 }
                        parts.append(number(bytes[partStart..<index]))
                    }
                    // Fractions of a second.
                    if index < end, bytes[index] == ASCIIByte.dot || bytes[index] == ASCIIByte.comma, parts.count == 3 {
                        index += 1
                        while index < end && ASCIIByte.isDigit(bytes[index]) { index += 1 }
                    }
                    if parts.count >= 2 {
                        tokens.append(.time(hour: parts[0], minute: parts[1], second: parts.count > 2 ? parts[2] : 0))
                    }
                } else if index - start <= 9 {
                    tokens.append(.number(value: first, digits: index - start))
                }
                atTokenStart = false
                continue
            }
            atTokenStart = true
            index += 1
        }
        return tokens
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.prefix(9).reduce(0) { $0 * 10 + Int($1 &- 0x30) }
    }

    private static let monthNames: [[UInt8]] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ].map { Array($0.utf8) }

    private static func monthNumber(_ word: [UInt8]) -> Int? {
        guard word.count >= 3 else { return nil }
        let prefix = word.prefix(3)
        guard let index = monthNames.firstIndex(where: { $0.elementsEqual(prefix) }) else { return nil }
        return index + 1
    }

    /// RFC 5322 §4.3 zones. Military letters and unknown names count as UTC ("-0000"), as the RFC says.
    private static func zoneOffset(_ word: [UInt8]) -> Int? {
        let hour = 3600
        switch String(decoding: word, as: UTF8.self) {
        case "ut", "utc", "gmt", "z", "wet": return 0
        case "edt": return -4 * hour
        case "est", "cdt": return -5 * hour
        case "cst", "mdt": return -6 * hour
        case "mst", "pdt": return -7 * hour
        case "pst": return -8 * hour
        case "ast": return -4 * hour
        case "adt": return -3 * hour
        default: return word.count <= 5 ? 0 : nil
        }
    }

    // MARK: - ISO 8601

    /// `YYYY-MM-DD[T ]hh:mm[:ss[.fff]][Z|±hh[:]mm]`, surrounding white space allowed.
    private static func parseISO(_ bytes: [UInt8]) -> Int? {
        let trimmed = bytes.drop(while: ASCIIByte.isWhitespace)
        guard trimmed.count >= 16 else { return nil }
        let text = Array(trimmed)
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= text.count else { return nil }
            var value = 0
            for byte in text[start..<start + count] {
                guard ASCIIByte.isDigit(byte) else { return nil }
                value = value * 10 + Int(byte &- 0x30)
            }
            return value
        }
        guard let year = digits(0, 4), text[4] == ASCIIByte.minus, let month = digits(5, 2),
            text[7] == ASCIIByte.minus, let day = digits(8, 2),
            text[10] == 0x54 || text[10] == 0x74 || text[10] == ASCIIByte.space,
            let hour = digits(11, 2), text[13] == ASCIIByte.colon, let minute = digits(14, 2)
        else { return nil }
        var index = 16
        var second = 0
        if index < text.count, text[index] == ASCIIByte.colon, let parsed = digits(index + 1, 2) {
            second = parsed
            index += 3
            if index < text.count, text[index] == ASCIIByte.dot || text[index] == ASCIIByte.comma {
                index += 1
                while index < text.count && ASCIIByte.isDigit(text[index]) { index += 1 }
            }
        }
        while index < text.count && ASCIIByte.isBlank(text[index]) { index += 1 }
        var offset = 0
        if index < text.count {
            let sign = text[index]
            if sign == 0x5A || sign == 0x7A {
                offset = 0
            } else if sign == ASCIIByte.plus || sign == ASCIIByte.minus, let hours = digits(index + 1, 2) {
                var minutes = 0
                if let direct = digits(index + 3, 2) {
                    minutes = direct
                } else if index + 3 < text.count, text[index + 3] == ASCIIByte.colon, let afterColon = digits(index + 4, 2) {
                    minutes = afterColon
                }
                offset = (sign == ASCIIByte.minus ? -1 : 1) * (hours * 3600 + minutes * 60)
            } else if ASCIIByte.isLetter(sign) {
                offset = zoneOffset(text[index...].prefix(while: ASCIIByte.isLetter).map(ASCIIByte.lowercased)) ?? 0
            }
        }
        return epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                            offset: offset)
    }

    // MARK: - Calendar arithmetic

    private static let daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// Seconds since 1970 in UTC for a validated proleptic Gregorian date and time at `offset` seconds
    /// east of UTC. A leap second (60) is read as 59.
    static func epochSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int)
        -> Int?
    {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= daysInMonth[month - 1],
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        if month == 2 && day == 29 && !isLeap { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
