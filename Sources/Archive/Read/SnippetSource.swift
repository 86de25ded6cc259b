import GRDB

/// Which attachment a hit's snippet was cut from. FTS5 picks the best column for a snippet and
/// says not which; the snippet is a stretch of that column's text, so a snippet that stands in
/// neither the subject, the body nor the participants stands in the attachments' text, and the
/// attachment whose name and text hold it is the one it names.
enum SnippetSource {
    /// The file name (or, unnamed, the type) of the attachment `snippet` comes from; nil when it
    /// comes from the subject, body or participants, or cannot be placed.
    static func attachment(of snippet: String, interactionID: Int64, _ db: Database) throws -> String? {
        let plain = plainText(snippet)
        guard !plain.isEmpty else { return nil }
        // One cached statement per hit: the attachments, when the snippet stands in none of the
        // interaction's own columns.
        let attachments = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.filename, a.content_type, a.text FROM interaction i JOIN attachment a ON a.interaction_id = i.id
            WHERE i.id = ?2 AND instr(i.subject, ?1) = 0 AND instr(i.body, ?1) = 0 AND instr(i.participants, ?1) = 0
            ORDER BY a.position
            """), arguments: [plain, interactionID])
        // The whole snippet, else (a snippet across two attachments) the line of its first match.
        for piece in [plain, firstMatchLine(snippet)] where !piece.isEmpty {
            for row in attachments {
                let name: String? = row["filename"]
                let text = [name, row["text"] as String?].compactMap { $0 }.joined(separator: "\n")
                if text.contains(piece) { return name ?? row["content_type"] }
            }
        }
        return nil
    }

    /// The snippet without the attachment's name where it begins with it (the column holds each
    /// attachment's name before its text), since the name is shown beside the snippet.
    static func droppingLeadingName(_ name: String, from snippet: String) -> String {
        guard snippet.hasPrefix(name) else { return snippet }
        let rest = snippet.dropFirst(name.count)
        guard let first = rest.first, first.isWhitespace else { return snippet }
        let trimmed = rest.drop(while: \.isWhitespace)
        return trimmed.isEmpty ? snippet : String(trimmed)
    }

    /// The snippet without its highlight marks and the ellipses FTS5 puts where it cut the text.
    static func plainText(_ snippet: String) -> String {
        var text = Substring(snippet.filter { $0 != Character(SearchHit.highlightStart) && $0 != Character(SearchHit.highlightEnd) })
        while text.hasPrefix(ellipsis) { text = text.dropFirst() }
        while text.hasSuffix(ellipsis) { text = text.dropLast() }
        return String(text)
    }

    /// The line of the snippet that holds its first match, without marks.
    private static func firstMatchLine(_ snippet: String) -> String {
        guard let start = snippet.firstIndex(of: Character(SearchHit.highlightStart)) else { return "" }
        let lineStart = snippet[..<start].lastIndex(where: \.isNewline).map { snippet.index(after: $0) } ?? snippet.startIndex
        let lineEnd = snippet[start...].firstIndex(where: \.isNewline) ?? snippet.endIndex
        return plainText(String(snippet[lineStart..<lineEnd]))
    }

    static let ellipsis = "…"
}
