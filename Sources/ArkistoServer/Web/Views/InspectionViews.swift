import Archive
import Query
import Foundation

/// A case as a table row or a page.
struct CaseSummary {
    var id: Int64
    var customer: String
    var customerPath: String?
    var receivedOn: String
    var dueOn: String
    var extended: Bool
    var extensionMonths: Int
    var extensionReason: String?
    var status: String
    var statusLabel: String
    var statusReason: String?
    var channel: String
    var note: String?
    var openedBy: String
    var openedAt: String
    var reportWrittenAt: String?
    var isOpen: Bool
    var canVerify: Bool
    var overdue: Bool
    var overdueDays: Int
    var dueSoon: Bool

    init(_ r: InspectionCaseRecord, today: CivilDate) {
        id = r.id
        customer = r.customerSourceID
        customerPath = r.customerID == nil ? nil : FormFields.pathSegment(r.customerSourceID)
        receivedOn = r.receivedOn.description
        dueOn = r.dueOn.description
        extended = r.extensionMonths > 0
        extensionMonths = r.extensionMonths
        extensionReason = r.extensionReason
        status = r.status.rawValue
        statusLabel = Self.label(r.status)
        statusReason = r.statusReason
        channel = r.channel.rawValue
        note = r.note
        openedBy = r.openedBy
        openedAt = FinnishFormat.time(r.openedAt)
        reportWrittenAt = r.reportWrittenAt.map(FinnishFormat.time)
        isOpen = r.status.isOpen
        canVerify = r.status == .received
        overdue = r.isOverdue(on: today)
        overdueDays = overdue ? r.dueOn.days(until: today) : 0
        dueSoon = !overdue && r.status.isOpen && r.dueOn <= today.adding(days: 7)
    }

    static func label(_ status: InspectionStatus) -> String {
        switch status {
        case .received: "vastaanotettu"
        case .identityVerified: "henkilöllisyys tarkistettu"
        case .delivered: "toimitettu"
        case .rejected: "hylätty"
        }
    }
}

struct InspectionsView {
    struct Request {
        var id: Int64
        var subject: String
        var when: String
        var sourceRef: String
        var customers: String
        var firstCustomer: String
    }

    var chrome: PageChrome?
    var cases: [CaseSummary]
    var overdueCount: Int?
    var dueSoonCount: Int?
    var requests: [Request]

    init(chrome: PageChrome?, cases: [InspectionCaseRecord], requests: [(interaction: InteractionSummary, customers: [String])]) {
        self.chrome = chrome
        let today = CivilDate.todayInFinland
        // Open cases first, the most urgent on top.
        self.cases = cases.map { CaseSummary($0, today: today) }
            .sorted { ($0.isOpen ? 0 : 1, $0.dueOn, $0.id) < ($1.isOpen ? 0 : 1, $1.dueOn, $1.id) }
        let overdue = self.cases.filter(\.overdue).count
        let soon = self.cases.filter(\.dueSoon).count
        overdueCount = overdue > 0 ? overdue : nil
        dueSoonCount = soon > 0 ? soon : nil
        self.requests = requests.map { item in
            Request(
                id: item.interaction.interactionID, subject: FinnishFormat.subject(item.interaction.subject),
                when: FinnishFormat.time(item.interaction.occurredAt), sourceRef: item.interaction.sourceRef,
                customers: item.customers.isEmpty ? "ei asiakasta" : item.customers.joined(separator: ", "),
                firstCustomer: item.customers.first ?? "")
        }
    }
}

struct InspectionView {
    struct Review {
        var interactionID: Int64
        var sourceRef: String
        var subject: String
        var when: String
        var basis: String
        var decision: String
        var decisionLabel: String
    }

    var chrome: PageChrome?
    var summary: CaseSummary
    var reviews: [Review]
    var pendingCount: Int

    init(chrome: PageChrome?, record: InspectionCaseRecord, reviews: [LinkReviewItem]) {
        self.chrome = chrome
        summary = CaseSummary(record, today: CivilDate.todayInFinland)
        self.reviews = reviews.map { item in
            let i = item.entry.interaction
            return Review(
                interactionID: i.interactionID, sourceRef: i.sourceRef, subject: FinnishFormat.subject(i.subject),
                when: FinnishFormat.time(i.occurredAt),
                basis: item.basis == .name ? "nimi tekstissä"
                    : item.entry.evidence.map { "\(FinnishFormat.identifier($0.kind)) (\($0.location))" }.joined(separator: ", "),
                decision: item.decision.rawValue,
                decisionLabel: item.decision == .include ? "sisällytetään" : item.decision == .exclude ? "jätetään pois" : "odottaa")
        }
        pendingCount = reviews.filter { $0.decision == .pending }.count
    }
}
