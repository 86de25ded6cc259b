import Archive
import Logging
import Foundation
import Query

extension ArchiveService {
    /// Writes one audit entry off the cooperative threads: a security event (a sign-in, a
    /// refusal, a lock) or a read the operation itself does not log. A failure to write goes to
    /// the server log.
    func record(
        _ action: AuditAction, actor: String, customers: [String] = [], request: String, results: Int? = nil,
        logger: Logger? = nil
    ) async {
        let trail = AuditTrail(archive: store, actor: actor)
        let entry = trail.entry(action, customers: customers, request: request, results: results)
        let result = await Offload.result { () throws(ArchiveError) in try store.appendAudit(entry) }
        if case .failure(let error) = result { logger?.error("cannot write the audit log: \(error)") }
    }

    /// The same, from inside an operation already off the cooperative threads.
    func recordNow(_ action: AuditAction, _ identity: Identity, customers: [String] = [], request: String, results: Int? = nil)
        throws(OperationError)
    {
        try archive { () throws(ArchiveError) in
            _ = try store.appendAudit(trail(identity).entry(action, customers: customers, request: request, results: results))
        }
    }
}
