import Archive
import Query

/// The search page: the form as filled in, and the results when there are any.
struct SearchView {
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct CustomerLink {
        var path: String
        var name: String

        init(_ customer: LinkedCustomer) {
            path = FormFields.pathSegment(customer.registerID)
            name = customer.name
        }
    }

    struct Hit {
        var id: Int64
        var kind: String
        var kindLabel: String
        var subject: String
        var when: String
        var snippetHTML: String
        /// The attachment the snippet comes from, shown before it.
        var snippetAttachment: String?
        var customers: [CustomerLink]
        var hasCustomers: Bool
    }

    var chrome: PageChrome?
    var q: String
    var kinds: [Option]
    var from: String
    var to: String
    var complaint: Bool
    var error: String?
    var pointer: String?
    var searched = false
    var totalText = ""
    var start = 1
    var hits: [Hit] = []
    var prevHref: String?
    var nextHref: String?

    static let pageSize = 20

    init(chrome: PageChrome?, request: SearchRequest) {
        self.chrome = chrome
        q = request.query
        kinds = [Option(value: "", label: "Kaikki", selected: request.channel == nil)]
            + SearchRequest.Channel.allCases.map { channel in
                Option(value: channel.rawValue, label: FinnishFormat.kind(channel.kind), selected: request.channel == channel)
            }
        from = request.from ?? ""
        to = request.to ?? ""
        complaint = request.complaintsOnly
    }

    mutating func show(_ outcome: SearchOutcome, request: SearchRequest, page: Int) {
        searched = true
        let total = outcome.page.total
        totalText = Self.totalText(total: total, milliseconds: outcome.milliseconds)
        start = request.offset + 1
        hits = outcome.page.hits.map { hit in
            let customers = (outcome.customers[hit.interactionID] ?? []).filter { $0.strength == .exact }.map(CustomerLink.init)
            return Hit(
                id: hit.interactionID, kind: FinnishFormat.channel(hit.kind), kindLabel: FinnishFormat.kind(hit.kind),
                subject: FinnishFormat.subject(hit.subject), when: FinnishFormat.time(hit.occurredAt),
                snippetHTML: SnippetHTML.render(hit.snippet), snippetAttachment: hit.snippetAttachment, customers: customers, hasCustomers: !customers.isEmpty)
        }
        setPaging(total: total, shown: outcome.page.hits.count, request: request, page: page)
    }

    /// Links to the pages before and after this one, when there are any.
    mutating func setPaging(total: Int, shown: Int, request: SearchRequest, page: Int) {
        prevHref = page > 1 ? Self.href(request, page: page - 1) : nil
        nextHref = request.offset + shown < total ? Self.href(request, page: page + 1) : nil
    }

    /// `42 osumaa (3,1 ms)`.
    static func totalText(total: Int, milliseconds: Double) -> String {
        "\(total) \(total == 1 ? "osuma" : "osumaa") (\(FinnishFormat.decimal(milliseconds)) ms)"
    }

    static func href(_ request: SearchRequest, page: Int) -> String {
        var fields: [(String, String)] = [("q", request.query)]
        if let channel = request.channel { fields.append(("kind", channel.rawValue)) }
        if let from = request.from { fields.append(("from", from)) }
        if let to = request.to { fields.append(("to", to)) }
        if request.complaintsOnly { fields.append(("complaint", "1")) }
        fields.append(("page", String(page)))
        return "/search?" + FormFields.encode(fields)
    }
}
