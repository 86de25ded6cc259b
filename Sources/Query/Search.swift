import Archive

/// A search in the query language of DESIGN.md over an archive.
///
/// Text terms reach FTS5 quoted and filters reach SQL as bound parameters, so no user input can
/// produce an SQL or FTS5 syntax error: a malformed query is a ``QuerySyntaxError`` that points at
/// the offending position.
public struct Search: Sendable {
    public var archive: ArchiveStore

    public init(archive: ArchiveStore) {
        self.archive = archive
    }

    public func run(_ query: String, limit: Int?, offset: Int = 0) throws(SearchError) -> SearchPage {
        let node: QueryNode
        do {
            node = try QueryParser().parse(query)
        } catch {
            throw .syntax(error)
        }
        let plan = SearchPlanner().plan(node, limit: limit, offset: offset)
        do {
            return try archive.search(plan)
        } catch {
            throw .archive(error)
        }
    }
}

public enum SearchError: Error, CustomStringConvertible, Sendable {
    case syntax(QuerySyntaxError)
    case archive(ArchiveError)

    public var description: String {
        switch self {
        case .syntax(let error): "cannot read the query: \(error.pointer)"
        case .archive(let error): "\(error)"
        }
    }
}
