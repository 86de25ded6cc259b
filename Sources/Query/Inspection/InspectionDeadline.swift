import Archive

/// GDPR Art. 12(3): the answer is due one month after receipt; the period may be extended by two
/// further months (so at most three months from receipt), with the subject told why.
public enum InspectionDeadline {
    public static let maximumExtensionMonths = 2

    /// The day the answer is due: received + 1 month (+ the extension), counted in calendar
    /// months (31 January + 1 month = 28 or 29 February).
    public static func due(receivedOn: CivilDate, extensionMonths: Int) -> CivilDate {
        receivedOn.adding(months: 1 + extensionMonths)
    }
}

extension InspectionCaseRecord {
    public var dueOn: CivilDate { InspectionDeadline.due(receivedOn: receivedOn, extensionMonths: extensionMonths) }

    /// Still open on a day after the due day.
    public func isOverdue(on today: CivilDate) -> Bool {
        status.isOpen && dueOn < today
    }
}
