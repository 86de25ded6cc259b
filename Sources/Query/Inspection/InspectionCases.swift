import Archive
import Foundation

/// Opening and moving inspection requests through received → identity verified → delivered (or
/// rejected), every step logged.
public struct InspectionCases: Sendable {
    public var archive: ArchiveStore
    public var audit: AuditTrail

    public init(archive: ArchiveStore, audit: AuditTrail) {
        self.archive = archive
        self.audit = audit
    }

    /// Opens a case for the one customer `who` names. `requestRef` names the archived message
    /// that made the request (its source reference), when there is one.
    public func open(
        customer who: String, receivedOn: CivilDate, channel: RequestChannel, note: String?, requestRef: String? = nil
    ) throws(PrivacyError) -> InspectionCaseRecord {
        let subject: CustomerProfile
        do {
            subject = try CustomerResolver(archive: archive).single(who)
        } catch {
            throw .customer(error)
        }
        var requestID: Int64?
        if let requestRef {
            let request = try archiving { () throws(ArchiveError) in try archive.interactionSummary(sourceRef: requestRef) }
            guard let request else { throw .invalid("no interaction with reference '\(requestRef)'") }
            requestID = request.interactionID
        }
        let entry = audit.entry(
            .inspectionOpen, customers: [subject.sourceID],
            request: "open: received \(receivedOn), channel \(channel.rawValue)" + (requestRef.map { ", request \($0)" } ?? ""),
            results: nil)
        return try archiving { () throws(ArchiveError) in
            try archive.insertInspectionCase(
                NewInspectionCase(
                    customerID: subject.id, customerSourceID: subject.sourceID, receivedOn: receivedOn, channel: channel,
                    note: note, requestInteractionID: requestID),
                audit: entry)
        }
    }

    public func find(_ id: Int64) throws(PrivacyError) -> InspectionCaseRecord {
        let record = try archiving { () throws(ArchiveError) in try archive.inspectionCase(id: id) }
        guard let record else { throw .invalid("no inspection case \(id)") }
        return record
    }

    /// The subject's identity has been checked (they are who they say they are).
    public func verifyIdentity(_ id: Int64) throws(PrivacyError) -> InspectionCaseRecord {
        let record = try find(id)
        guard record.status == .received else {
            throw .invalid("case \(id) is \(record.status.rawValue): only a received case can have its identity verified")
        }
        return try change(record, .status(.identityVerified, reason: nil), "identity verified")
    }

    /// Extends the period by `months` (at most two months in all), for a reason the subject is told.
    public func extend(_ id: Int64, months: Int, reason: String) throws(PrivacyError) -> InspectionCaseRecord {
        let record = try find(id)
        guard record.status.isOpen else { throw .invalid("case \(id) is closed (\(record.status.rawValue))") }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .invalid("an extension needs a reason, which the subject must be told") }
        let total = record.extensionMonths + months
        guard months > 0, total <= InspectionDeadline.maximumExtensionMonths else {
            throw .invalid("the period can be extended by at most \(InspectionDeadline.maximumExtensionMonths) months in all; "
                + "case \(id) is extended by \(record.extensionMonths) already")
        }
        let combined = [record.extensionReason, reason].compactMap { $0 }.joined(separator: "; ")
        return try change(record, .extended(months: total, reason: combined), "extended by \(months) months: \(reason)")
    }

    /// The report has been delivered. Refused until identity is verified, a report has been
    /// written and no weak link awaits review.
    public func deliver(_ id: Int64) throws(PrivacyError) -> InspectionCaseRecord {
        let record = try find(id)
        guard record.status == .identityVerified else {
            throw .invalid("case \(id) is \(record.status.rawValue): verify the subject's identity first")
        }
        guard record.reportWrittenAt != nil else { throw .invalid("case \(id) has no report yet: write it first") }
        if let customerID = record.customerID {
            let pending = try archiving { () throws(ArchiveError) in
                try archive.linkReviews(caseID: id, customerID: customerID).filter { $0.decision == .pending }.count
            }
            guard pending == 0 else {
                throw .invalid("case \(id) has \(pending) weak links awaiting review (inspection review \(id)); "
                    + "decide them and write the report again")
            }
        }
        return try change(record, .status(.delivered, reason: nil), "delivered")
    }

    public func reject(_ id: Int64, reason: String) throws(PrivacyError) -> InspectionCaseRecord {
        let record = try find(id)
        guard record.status.isOpen else { throw .invalid("case \(id) is closed (\(record.status.rawValue))") }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .invalid("a rejection needs a reason") }
        return try change(record, .status(.rejected, reason: reason), "rejected: \(reason)")
    }

    /// Cases, optionally only the overdue ones, or those open and due within `days` days of `today`.
    public func list(today: CivilDate, overdue: Bool = false, dueWithinDays: Int? = nil) throws(PrivacyError)
        -> [InspectionCaseRecord]
    {
        let all = try archiving { () throws(ArchiveError) in try archive.inspectionCases() }
        return all.filter { record in
            if overdue, !record.isOverdue(on: today) { return false }
            if let days = dueWithinDays, !(record.status.isOpen && record.dueOn <= today.adding(days: days)) { return false }
            return true
        }
    }

    /// Messages recognised as inspection requests for which no case is open yet.
    public func unopenedRequests() throws(PrivacyError) -> [(interaction: InteractionSummary, customers: [String])] {
        try archiving { () throws(ArchiveError) in try archive.unopenedInspectionRequests() }
    }

    private func change(_ record: InspectionCaseRecord, _ change: InspectionCaseChange, _ what: String) throws(PrivacyError)
        -> InspectionCaseRecord
    {
        try archiving { () throws(ArchiveError) in
            try archive.updateInspectionCase(
                id: record.id, change,
                audit: audit.entry(.inspectionStatus, customers: [record.customerSourceID], request: "case \(record.id): \(what)", results: nil))
        }
    }
}

/// Runs archive work, reporting its failure as a ``PrivacyError``.
@discardableResult
func archiving<T>(_ body: () throws(ArchiveError) -> T) throws(PrivacyError) -> T {
    do {
        return try body()
    } catch {
        throw .archive(error)
    }
}
