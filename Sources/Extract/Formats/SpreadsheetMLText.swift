/// An XLSX workbook's text: each sheet's name, then its rows, one line per row with cells
/// separated by tabs. Shared strings and inline strings give their text; numbers are written as
/// stored (`1234567`) so that customer numbers are found; numbers in a date format are written as
/// Finnish dates (`7.12.2026`).
struct SpreadsheetMLText {
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>

    init(package: inout DocumentPackage) {
        sharedStrings = Self.readSharedStrings(&package)
        dateStyles = SpreadsheetDates.dateStyles(in: &package)
    }

    func read(into builder: inout TextBuilder, package: inout DocumentPackage) {
        let targets = OfficeRelationships.read("xl/workbook.xml", in: &package)
        var sheets: [(name: String, part: String)] = []
        package.scan("xl/workbook.xml") { event in
            if case .start(let tag) = event, tag.localName == "sheet", let id = tag.attribute("r:id"), let part = targets[id] {
                sheets.append((tag.attribute("name") ?? "", part))
            }
            return true
        }
        for sheet in sheets where !builder.isFull {
            builder.endLine()
            builder.append(sheet.name)
            builder.endLine()
            readSheet(sheet.part, package: &package, into: &builder)
        }
    }

    private func readSheet(_ part: String, package: inout DocumentPackage, into builder: inout TextBuilder) {
        var cell: (type: String?, style: Int?)?
        var value = ""
        var inValue = false
        package.scan(part) { event in
            switch event {
            case .start(let tag):
                switch tag.localName {
                case "c":
                    cell = (tag.attribute("t"), tag.attribute("s").flatMap { Int($0) })
                    value = ""
                case "v", "t": inValue = cell != nil
                default: break
                }
            case .end(let name):
                switch XMLStartTag.localName(of: name) {
                case "v", "t": inValue = false
                case "c":
                    if let current = cell { builder.append(text(of: value, type: current.type, style: current.style)) }
                    builder.tab()
                    cell = nil
                case "row": builder.endLine()
                default: break
                }
            case .text(let text):
                if inValue { value += text }
            }
            return !builder.isFull
        }
        builder.endLine()
    }

    private func text(of value: String, type: String?, style: Int?) -> String {
        switch type {
        case "s": return Int(value).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil } ?? ""
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "inlineStr", "str", "e": return value
        default:
            if let style, dateStyles.contains(style), let serial = Double(value), let date = SpreadsheetDates.text(ofSerial: serial) {
                return date
            }
            return value
        }
    }

    /// More shared strings than a real workbook holds; past it, cells refer to nothing.
    private static let maxSharedStrings = 1_000_000

    /// Each `si`: its `t` texts joined, phonetic runs (`rPh`) left out.
    private static func readSharedStrings(_ package: inout DocumentPackage) -> [String] {
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        package.scan("xl/sharedStrings.xml") { event in
            switch event {
            case .start(let tag):
                switch tag.localName {
                case "si": current = ""
                case "t": inText = true
                case "rPh": inPhonetic = true
                default: break
                }
            case .end(let name):
                switch XMLStartTag.localName(of: name) {
                case "si": strings.append(current)
                    return strings.count < maxSharedStrings
                case "t": inText = false
                case "rPh": inPhonetic = false
                default: break
                }
            case .text(let text):
                if inText && !inPhonetic { current += text }
            }
            return true
        }
        return strings
    }
}
