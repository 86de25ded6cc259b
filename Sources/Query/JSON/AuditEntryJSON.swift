import Archive

/// One audit log entry as `arkisto audit --json` and the JSON API give it.
public struct AuditEntryJSON: Encodable, Sendable {
    public var id: Int64?
    public var at: String
    public var actor: String
    public var action: String
    public var customers: [String]
    public var request: String
    public var resultCount: Int?

    enum CodingKeys: String, CodingKey { case id, at, actor, action, customers, request, resultCount = "result_count" }

    public init(_ entry: AuditEntry) {
        id = entry.id
        at = Timestamp.format(entry.at)
        actor = entry.actor
        action = entry.action.rawValue
        customers = entry.customers
        request = entry.request
        resultCount = entry.resultCount
    }
}
