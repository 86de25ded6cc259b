import Archive

/// A search in the query language of DESIGN.md over an archive.
///
/// Text terms reach FTS5 quoted and filters reach SQL as bound parameters, so no user input can
/// produce an SQL or FTS5 syntax error: a malformed query is a ``QuerySyntaxError`` that points at
/// the offending position. The work per query is bounded: the parser refuses a query over its
/// ``QueryLimits`` (length, nesting, terms), and the archive stops a search that runs longer than
/// ``timeLimit``.
public struct Search: Sendable {
    /// How long an interactive search (the CLI, the web app, the API) may run.
    public static let defaultTimeLimit: Duration = .seconds(10)

    public var archive: ArchiveStore
    public var limits: QueryLimits
    /// How long one search may run on its reader; nil for no limit.
    public var timeLimit: Duration?

    public init(archive: ArchiveStore, limits: QueryLimits = .default, timeLimit: Duration? = Search.defaultTimeLimit) {
        self.archive = archive
        self.limits = limits
        self.timeLimit = timeLimit
    }

    public func run(_ query: String, limit: Int?, offset: Int = 0, mode: RankingMode = .fast) throws(SearchError) -> SearchPage {
        let node: QueryNode
        do {
            node = try QueryParser(limits: limits).parse(query)
        } catch {
            throw .syntax(error)
        }
        let plan: SearchPlan
        do {
            plan = try planner(for: node).plan(node, limit: limit, offset: offset, mode: mode)
        } catch {
            throw .archive(error)
        }
        do {
            return try archive.search(plan, timeLimit: timeLimit)
        } catch {
            switch error {
            case .stopped(let stop): throw .stopped(stop)
            case .archive(let archiveError): throw .archive(archiveError)
            }
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
    /// The query is malformed or over the ``QueryLimits``.
    case syntax(QuerySyntaxError)
    /// The query was read but stopped for its cost (time, or a statement SQLite finds too large).
    case stopped(SearchStop)
    case archive(ArchiveError)

    public var description: String {
        switch self {
        case .syntax(let error): "cannot read the query: \(error)\n\(error.pointer)"
        case .stopped(let stop): "\(stop)"
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
