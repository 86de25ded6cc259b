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
        let (year, month, day) = civilDate(daysSince1970: days - 25_569)
        var text = "\(day).\(month).\(year)"
        if minutes > 0 && minutes < 1440 {
            let minute = minutes % 60
            text += " \(minutes / 60).\(minute < 10 ? "0" : "")\(minute)"
        }
        return text
    }

    /// Year, month and day of a day count from 1 January 1970 (the proleptic Gregorian calendar).
    private static func civilDate(daysSince1970: Int) -> (Int, Int, Int) {
        let shifted = daysSince1970 + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
