// What tools/pg-fulltext-compare needs from Arkisto, in one process each:
//
//     FullTextExport documents < ROWS.jsonl > ROWS.copy
//     FullTextExport queries ARCHIVE QUERIES.jsonl [--limit 20] > QUERIES.jsonl
//
// `documents` reads interaction rows (one JSON object a line: id, occurred_at, kind, subject,
// participants, body, attachment_text) and writes one PostgreSQL COPY text line per row: id,
// occurred_at, kind and a `tsvector` of exactly the terms the `finnish` FTS5 tokenizer indexes
// (FinnishAnalyzer.analyzeDocument), weighted A subject, B participants, C body, D attachment text.
// `queries` writes, per query of a corpus's queries.jsonl, its `tsquery` (when the query is text
// only) and Arkisto's own answer on the archive: total, the page's ids (fast and exhaustive) and
// the time of the fast search.
import Foundation

do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    switch arguments.first {
    case "documents":
        try DocumentExport.run()
    case "queries":
        try QueryExport(arguments: Array(arguments.dropFirst())).run()
    default:
        throw ExportError.usage
    }
} catch {
    FileHandle.standardError.write(Data("FullTextExport: \(error)\n".utf8))
    exit(1)
}
