import FinnishText

/// A query of the query language made only of words and "phrases" (what the corpora's text
/// queries are), as a PostgreSQL `tsquery` literal over the terms ``WeightedTerms`` stores: a
/// word is the OR of its query terms (`FinnishAnalyzer.queryTerms(forWord:)`, the terms the FTS5
/// tokenizer colocates for it), the words of a phrase follow one another (`<->`), and the parts
/// of the query are ANDed, as Arkisto's planner ANDs them in one FTS5 expression.
///
/// Anything else (fields, `-`, `OR`, parentheses, `prefix*`, `=exact`) is not translated: such a
/// query is reported with the reason and compared on Arkisto's side only.
enum TextQuery {
    enum Translation {
        case tsquery(String)
        case unsupported(String)
    }

    static func translate(_ query: String, using analyzer: FinnishAnalyzer) -> Translation {
        var parts: [String] = []
        for chunk in chunks(of: query) {
            if !chunk.quoted {
                if chunk.text.contains(":") { return .unsupported("field or filter: \(chunk.text)") }
                if ["OR", "AND", "NOT"].contains(chunk.text) { return .unsupported("operator \(chunk.text)") }
                if let first = chunk.text.first, "-=(".contains(first) { return .unsupported("syntax: \(chunk.text)") }
                if chunk.text.contains("*") || chunk.text.contains(")") { return .unsupported("syntax: \(chunk.text)") }
            }
            var groups: [String] = []
            for word in analyzer.words(in: chunk.text) {
                let terms = analyzer.queryTerms(forWord: word)
                guard !terms.isEmpty else { return .unsupported("no terms for \(word)") }
                groups.append("(" + terms.map(quoted).joined(separator: " | ") + ")")
            }
            guard !groups.isEmpty else { continue }
            parts.append(groups.count == 1 ? groups[0] : "(" + groups.joined(separator: " <-> ") + ")")
        }
        guard !parts.isEmpty else { return .unsupported("no text") }
        return .tsquery(parts.joined(separator: " & "))
    }

    /// Whitespace-separated chunks, a double-quoted run being one chunk.
    private static func chunks(of query: String) -> [(text: String, quoted: Bool)] {
        var chunks: [(text: String, quoted: Bool)] = []
        var current = ""
        var inQuotes = false
        for character in query {
            if character == "\"" {
                if inQuotes || !current.isEmpty { chunks.append((current, inQuotes)) }
                current = ""
                inQuotes.toggle()
            } else if character.isWhitespace && !inQuotes {
                if !current.isEmpty { chunks.append((current, false)) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { chunks.append((current, inQuotes)) }
        return chunks
    }

    /// A `tsquery` operand: in single quotes, quotes and backslashes doubled.
    private static func quoted(_ term: String) -> String {
        var out = "'"
        for character in term {
            if character == "'" || character == "\\" { out.append(character) }
            out.append(character)
        }
        return out + "'"
    }
}
