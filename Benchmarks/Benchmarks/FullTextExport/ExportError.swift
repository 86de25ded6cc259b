enum ExportError: Error, CustomStringConvertible {
    case usage
    case badRow(line: Int, reason: String)
    case badQueryFile(path: String, line: Int, reason: String)

    var description: String {
        switch self {
        case .usage:
            "usage: FullTextExport documents < ROWS.jsonl | FullTextExport queries ARCHIVE QUERIES.jsonl [--limit N]"
        case .badRow(let line, let reason):
            "row \(line) of standard input: \(reason)"
        case .badQueryFile(let path, let line, let reason):
            "\(path) line \(line): \(reason)"
        }
    }
}
