import Archive

/// An inspection case as `arkisto inspection show --json` and the JSON API give it.
public struct InspectionCaseJSON: Encodable, Sendable {
    public var id: Int64
    public var customer: String
    public var receivedOn: String
    public var dueOn: String
    public var extensionMonths: Int
    public var extensionReason: String?
    public var channel: String
    public var note: String?
    public var status: String
    public var statusReason: String?
    public var overdue: Bool
    public var openedAt: String
    public var openedBy: String
    public var reportWrittenAt: String?
    public var reportSHA256: String?

    enum CodingKeys: String, CodingKey {
        case id, customer, receivedOn = "received_on", dueOn = "due_on", extensionMonths = "extension_months"
        case extensionReason = "extension_reason", channel, note, status, statusReason = "status_reason", overdue
        case openedAt = "opened_at", openedBy = "opened_by", reportWrittenAt = "report_written_at", reportSHA256 = "report_sha256"
    }

    /// `today` decides `overdue`.
    public init(_ record: InspectionCaseRecord, today: CivilDate = .todayInFinland) {
        id = record.id
        customer = record.customerSourceID
        receivedOn = record.receivedOn.description
        dueOn = record.dueOn.description
        extensionMonths = record.extensionMonths
        extensionReason = record.extensionReason
        channel = record.channel.rawValue
        note = record.note
        status = record.status.rawValue
        statusReason = record.statusReason
        overdue = record.isOverdue(on: today)
        openedAt = Timestamp.format(record.openedAt)
        openedBy = record.openedBy
        reportWrittenAt = record.reportWrittenAt.map(Timestamp.format)
        reportSHA256 = record.reportSHA256
    }
}
