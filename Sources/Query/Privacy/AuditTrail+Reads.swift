import Archive
import Foundation

/// The reads the web app and the API log besides searches and customer views: one message shown
/// in full, a file downloaded, the audit log read.
extension AuditTrail {
    /// An interaction was shown in full; `customerIDs` are those it is linked to.
    public func viewedInteraction(id: Int64, sourceRef: String, customerIDs: [Int64]) throws(ArchiveError) {
        let customers = try archive.customerSourceIDs(ids: customerIDs)
        try archive.appendAudit(entry(.interactionView, customers: customers, request: "interaction \(id) (\(sourceRef))", results: 1))
    }

    /// A file was downloaded: `what` says which (`attachment 2 of interaction 17`, `report of case 3`).
    public func downloaded(_ what: String, customerIDs: [Int64]) throws(ArchiveError) {
        let customers = try archive.customerSourceIDs(ids: customerIDs)
        try archive.appendAudit(entry(.fileDownload, customers: customers, request: what, results: 1))
    }

    /// A file about customers named by register id (a report, whose customer may since have been erased).
    public func downloaded(_ what: String, registerIDs: [String]) throws(ArchiveError) {
        try archive.appendAudit(entry(.fileDownload, customers: registerIDs, request: what, results: 1))
    }

    /// The audit log was read: the filter as asked, how many entries were shown.
    public func viewedAudit(request: String, customers: [String], results: Int) throws(ArchiveError) {
        try archive.appendAudit(entry(.auditView, customers: customers, request: request, results: results))
    }
}
