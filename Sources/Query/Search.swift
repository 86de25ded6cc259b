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
        do {
            let plan = try planner(for: node).plan(node, limit: limit, offset: offset)
            return try archive.search(plan)
        } catch {
            throw .archive(error)
        }
    }
}

extension Search {
    /// A planner that resolves `customer:` values against this archive's register. Resolution
    /// runs before planning, so a failure to read the register is reported, not ignored.
    func planner(for node: QueryNode) throws(ArchiveError) -> SearchPlanner {
        let resolver = CustomerResolver(archive: archive)
        var resolved: [String: [Int64]] = [:]
        for value in node.customerValues where resolved[value] == nil {
            resolved[value] = try resolver.customerIDs(for: value)
        }
        return SearchPlanner(resolveCustomer: { [resolved] value in resolved[value] ?? [] })
    }
}

public enum SearchError: Error, CustomStringConvertible, Sendable {
    case syntax(QuerySyntaxError)
    case archive(ArchiveError)

    public var description: String {
        switch self {
        case .syntax(let error): "cannot read the query: \(error)\n\(error.pointer)"
        case .archive(let error): "\(error)"
        }
    }
}

extension QueryNode {
    /// Every `customer:` value in the tree.
    var customerValues: [String] {
        switch self {
        case .filter(.customer(let value)): [value]
        case .text, .filter: []
        case .and(let children), .or(let children): children.flatMap(\.customerValues)
        case .not(let inner): inner.customerValues
        }
    }
}
