import Foundation
import FinnishText

/// Reads interaction rows as JSON lines on standard input and writes COPY lines with their
/// `tsvector` (see ``WeightedTerms``); a summary of PostgreSQL limits met goes to standard error.
enum DocumentExport {
    struct Row: Decodable {
        var id: Int64
        var occurred_at: String?
        var kind: String
        var subject: String
        var participants: String
        var body: String
        var attachment_text: String
    }

    static func run() throws {
        let analyzer = try FinnishAnalyzer()
        let decoder = JSONDecoder()
        var output = FileHandleOutput()
        var rows = 0
        var termTotal = 0
        var totals = WeightedTerms.Limits()
        var rowsOverLimits = 0
        while let line = readLine(strippingNewline: true) {
            rows += 1
            let row: Row
            do {
                row = try decoder.decode(Row.self, from: Data(line.utf8))
            } catch {
                throw ExportError.badRow(line: rows, reason: "\(error)")
            }
            var weighted = WeightedTerms()
            weighted.add(column: Self.terms(of: row.subject, analyzer), weight: "A")
            weighted.add(column: Self.terms(of: row.participants, analyzer), weight: "B")
            weighted.add(column: Self.terms(of: row.body, analyzer), weight: "C")
            weighted.add(column: Self.terms(of: row.attachment_text, analyzer), weight: "D")
            termTotal += weighted.termCount
            let limits = weighted.limits
            if limits.clampedPositions + limits.droppedPositions + limits.droppedLexemes > 0 { rowsOverLimits += 1 }
            totals.clampedPositions += limits.clampedPositions
            totals.droppedPositions += limits.droppedPositions
            totals.droppedLexemes += limits.droppedLexemes
            output.write(CopyText.row([String(row.id), row.occurred_at, row.kind, weighted.literal]) + "\n")
        }
        output.flush()
        let summary = """
            {"rows": \(rows), "terms": \(termTotal), "rows_over_pg_limits": \(rowsOverLimits), \
            "clamped_positions": \(totals.clampedPositions), "dropped_positions": \(totals.droppedPositions), \
            "dropped_lexemes": \(totals.droppedLexemes)}

            """
        FileHandle.standardError.write(Data(summary.utf8))
    }

    private static func terms(of text: String, _ analyzer: FinnishAnalyzer) -> [(term: String, colocated: Bool)] {
        var terms: [(term: String, colocated: Bool)] = []
        analyzer.analyzeDocument(text) { term, _, colocated in terms.append((term, colocated)) }
        return terms
    }
}

/// Standard output with a buffer: `print` per row costs more than the analysis of short rows.
struct FileHandleOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    mutating func flush() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
