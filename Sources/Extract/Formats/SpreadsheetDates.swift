import Foundation

/// Which XLSX cell styles show numbers as dates, and a date serial as Finnish text.
enum SpreadsheetDates {
    /// The built-in number formats that are dates or times (ECMA-376 §18.8.30, with the East Asian ones).
    private static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// The indexes into `cellXfs` whose number format is a date.
    static func dateStyles(in package: inout DocumentPackage) -> Set<Int> {
        var customDates: Set<Int> = []
        var formatIDs: [Int] = []
        var inCellFormats = false
        package.scan("xl/styles.xml") { event in
            switch event {
            case .start(let tag):
                switch tag.localName {
                case "numFmt":
                    if let id = tag.attribute("numFmtId").flatMap({ Int($0) }), let code = tag.attribute("formatCode"), isDateFormat(code) {
                        customDates.insert(id)
                    }
                case "cellXfs": inCellFormats = true
                case "xf" where inCellFormats: formatIDs.append(tag.attribute("numFmtId").flatMap { Int($0) } ?? 0)
                default: break
                }
            case .end(let name):
                if XMLStartTag.localName(of: name) == "cellXfs" { inCellFormats = false }
            case .text: break
            }
            return formatIDs.count < 100_000
        }
        return Set(formatIDs.indices.filter { builtInDateFormats.contains(formatIDs[$0]) || customDates.contains(formatIDs[$0]) })
    }

    /// A format code shows a date when, outside quoted text and bracketed sections, it has a day
    /// or a year (`d.m.yyyy`, `yyyy-mm-dd`).
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false
        var bracketed = false
        for character in code.lowercased() {
            switch character {
            case "\"": quoted.toggle()
            case "[" where !quoted: bracketed = true
            case "]" where !quoted: bracketed = false
            case "d", "y": if !quoted && !bracketed { return true }
            default: break
            }
        }
        return false
    }

    /// A serial (days since 30 December 1899, the 1900 leap-year error included) as `d.m.yyyy`,
    /// with `h.mm` when it has a time; nil outside years 1900...9999.
    static func text(ofSerial serial: Double) -> String? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down))
        let minutes = Int(((serial - Double(days)) * 1440).rounded())
        let date = Date(timeIntervalSince1970: Double(days - 25_569) * 86_400)
        let day = utcCalendar.dateComponents([.year, .month, .day], from: date)
        guard let year = day.year, let month = day.month, let dayOfMonth = day.day else { return nil }
        var text = "\(dayOfMonth).\(month).\(year)"
        if minutes > 0 && minutes < 1440 {
            let minute = minutes % 60
            text += " \(minutes / 60).\(minute < 10 ? "0" : "")\(minute)"
        }
        return text
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()
}
