import Archive
import Foundation

/// Writing a case's report, recording it with the case and in the audit log.
public struct InspectionReports: Sendable {
    public var archive: ArchiveStore
    public var audit: AuditTrail
    public var hasher: PersonalIDHasher?

    public init(archive: ArchiveStore, audit: AuditTrail, hasher: PersonalIDHasher?) {
        self.archive = archive
        self.audit = audit
        self.hasher = hasher
    }

    /// Builds the report of case `id` and writes it into `folder` (new, empty, or holding an
    /// earlier report, which is replaced).
    public func write(caseID id: Int64, to folder: String) throws(PrivacyError) -> WrittenReport {
        let record = try InspectionCases(archive: archive, audit: audit).find(id)
        guard record.status != .rejected else { throw .invalid("case \(id) was rejected: \(record.statusReason ?? "")") }
        let built = try InspectionReportBuilder(archive: archive, hasher: hasher, now: audit.clock()).build(record)
        let written = try ReportWriter(archive: archive, folder: URL(fileURLWithPath: folder)).write(built)
        let json = written.files.first { $0.path == "report.json" }?.sha256 ?? ""
        try archiving { () throws(ArchiveError) in
            try archive.updateInspectionCase(
                id: id, .reportWritten(sha256: json),
                audit: audit.entry(
                    .inspectionReport, customers: [record.customerSourceID],
                    request: "case \(id): report written to \(folder)", results: written.report.interactions.count))
        }
        return written
    }

    /// The case's weak links, queued for review, with their decisions.
    public func reviews(caseID id: Int64) throws(PrivacyError) -> [LinkReviewItem] {
        let record = try InspectionCases(archive: archive, audit: audit).find(id)
        guard let customerID = record.customerID else { return [] }
        return try archiving { () throws(ArchiveError) in try archive.queueLinkReviews(caseID: id, customerID: customerID) }
    }

    /// Decides whether a weakly linked interaction (by source reference) goes into the report.
    public func decide(caseID id: Int64, sourceRef: String, decision: ReviewDecision) throws(PrivacyError) {
        let record = try InspectionCases(archive: archive, audit: audit).find(id)
        let items = try reviews(caseID: id)
        guard let item = items.first(where: { $0.entry.interaction.sourceRef == sourceRef }) else {
            throw .invalid("'\(sourceRef)' is not on case \(id)'s review list")
        }
        try archiving { () throws(ArchiveError) in
            try archive.decideLinkReview(
                caseID: id, interactionID: item.entry.interaction.interactionID, decision: decision,
                audit: audit.entry(.linkReview, customers: [record.customerSourceID],
                                   request: "case \(id): \(sourceRef) \(decision.rawValue)", results: 1))
        }
    }
}
