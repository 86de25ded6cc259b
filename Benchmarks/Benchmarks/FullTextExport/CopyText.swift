/// PostgreSQL COPY text format: fields separated by tabs, rows by newlines, `\N` for NULL.
enum CopyText {
    static func field(_ value: String?) -> String {
        guard let value else { return "\\N" }
        var out = ""
        out.reserveCapacity(value.utf8.count + 8)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out.append("\\\\")
            case "\t": out.append("\\t")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func row(_ fields: [String?]) -> String {
        fields.map(field).joined(separator: "\t")
    }
}
