import Archive
import Foundation

/// Records reads of personal data in the archive's append-only audit log. The CLI and the web
/// server log through this type, so both log the same way.
public struct AuditTrail: Sendable {
    public var archive: ArchiveStore
    public var actor: String
    public var clock: @Sendable () -> Date

    public init(archive: ArchiveStore, actor: String, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.archive = archive
        self.actor = actor
        self.clock = clock
    }

    /// A search: the query as typed, the customers its `customer:` filters name, the number of hits.
    public func searched(query: String, results: Int) throws(ArchiveError) {
        try archive.appendAudit(entry(.search, customers: try customersNamed(in: query), request: query, results: results))
    }

    /// A customer's profile and timeline were shown: `request` as asked (an id, e-mail, phone, or
    /// `--all`), the customers shown, how many interactions.
    public func viewedCustomers(request: String, customerIDs: [Int64], interactions: Int) throws(ArchiveError) {
        let customers = try archive.customerSourceIDs(ids: customerIDs)
        try archive.appendAudit(entry(.customerView, customers: customers, request: request, results: interactions))
    }

    /// An entry stamped with this trail's actor and clock, for operations that log in their own transaction.
    public func entry(_ action: AuditAction, customers: [String], request: String, results: Int?) -> AuditEntry {
        AuditEntry(at: clock(), actor: actor, action: action, customers: customers, request: request, resultCount: results)
    }

    /// The register ids of the customers a query's `customer:` filters resolve to; none when the
    /// query cannot be read (the search itself reports that).
    func customersNamed(in query: String) throws(ArchiveError) -> [String] {
        guard let node = try? QueryParser().parse(query) else { return [] }
        let resolver = CustomerResolver(archive: archive)
        var ids: [Int64] = []
        for value in node.customerValues {
            for id in try resolver.customerIDs(for: value) where !ids.contains(id) { ids.append(id) }
        }
        return try archive.customerSourceIDs(ids: ids)
    }
}
