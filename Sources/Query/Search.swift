import Archive

/// A search over the archive's full-text index.
///
/// The query is taken as words that must all occur; each word reaches FTS5 as a quoted string, so
/// no user input can produce an FTS5 syntax error or reach SQL.
public struct Search: Sendable {
    public var archive: ArchiveStore

    public init(archive: ArchiveStore) {
        self.archive = archive
    }

    public func run(_ query: String, limit: Int?, offset: Int = 0) throws(SearchError) -> SearchPage {
        let words = query.split(whereSeparator: { $0.isWhitespace || $0 == "\"" }).map(String.init)
        guard !words.isEmpty else { throw .emptyQuery }
        let match = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " ")
        do {
            return try archive.search(FullTextRequest(match: match, limit: limit, offset: offset))
        } catch {
            throw .archive(error)
        }
    }
}

public enum SearchError: Error, CustomStringConvertible, Sendable {
    case emptyQuery
    case archive(ArchiveError)

    public var description: String {
        switch self {
        case .emptyQuery: "the query has no words to search for"
        case .archive(let error): "\(error)"
        }
    }
}
