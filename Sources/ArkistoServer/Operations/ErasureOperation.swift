import Archive
import Foundation
import Query

/// What an erasure would do or did.
struct ErasureOutcome: Sendable {
    var registerID: String
    var name: String
    var remove: Int
    var redact: Int
    var quarantined: Int
    /// Nil for a dry run.
    var counts: ErasureCounts?
}

extension ArchiveService {
    /// Plans, and unless `dryRun` carries out, the erasure of a customer (as `arkisto erase`).
    /// Refused while the customer is on hold or has an open inspection case.
    func erase(registerID: String, reason: String, dryRun: Bool, by identity: Identity) throws(OperationError) -> ErasureOutcome {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard dryRun || !reason.isEmpty else { throw .invalid("an erasure needs a reason") }
        let subject = try customer(registerID: registerID)
        let service = ErasureService(archive: store, hasher: try hasher())
        do {
            let (plan, redactor) = try service.plan(
                subject: subject, reason: reason,
                audit: trail(identity).entry(.erasure, customers: [subject.sourceID], request: "erase: \(reason)", results: nil))
            var outcome = ErasureOutcome(
                registerID: subject.sourceID, name: subject.name, remove: plan.remove.count, redact: plan.redact.count,
                quarantined: plan.quarantineIDs.count, counts: nil)
            if dryRun {
                try recordNow(
                    .erasurePreview, identity, customers: [subject.sourceID], request: "erasure dry run of \(subject.sourceID)",
                    results: plan.remove.count + plan.redact.count)
            } else {
                outcome.counts = try service.run(plan, redactor: redactor)
            }
            return outcome
        } catch let error as PrivacyError {
            let refusal = OperationError(error)
            if case .conflict(let why) = refusal {
                try recordNow(
                    .erasureRefused, identity, customers: [subject.sourceID],
                    request: "\(dryRun ? "erasure dry run" : "erasure") of \(subject.sourceID) refused: \(why)")
            }
            throw refusal
        } catch {
            throw error as? OperationError ?? .failed("\(error)")
        }
    }

    /// Logs an erasure refused before it reached the archive (no confirmation, no reason).
    func refuseErasure(registerID: String, why: String, by identity: Identity) throws(OperationError) {
        try recordNow(.erasureRefused, identity, customers: [registerID], request: "erasure of \(registerID) refused: \(why)")
    }
}
