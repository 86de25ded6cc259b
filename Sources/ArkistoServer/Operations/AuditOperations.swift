import Archive
import Foundation
import Query

extension ArchiveService {
    /// Audit log entries, optionally about one customer (register id, e-mail, phone, number) and
    /// since a time, as `arkisto audit`; the reading itself is logged.
    func auditEntries(customer: String?, since: Date?, by identity: Identity) throws(OperationError) -> [AuditEntry] {
        try archive { () throws(ArchiveError) in
            var registerID: String?
            if let customer {
                // An erased customer is no longer in the register: their register id still finds their entries.
                let ids = try CustomerResolver(archive: store).customerIDs(for: customer)
                registerID = ids.count == 1 ? try store.customerSourceIDs(ids: ids).first : customer
            }
            let entries = try store.auditEntries(customer: registerID, since: since)
            var request = "audit"
            if let customer { request += " --customer \(customer)" }
            if let since { request += " --since \(Timestamp.format(since))" }
            try trail(identity).viewedAudit(request: request, customers: registerID.map { [$0] } ?? [], results: entries.count)
            return entries
        }
    }
}
