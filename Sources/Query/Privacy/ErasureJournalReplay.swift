import Archive
import Foundation

/// Brings an archive up to its erasure journal: a restored backup made before an erasure gets
/// that erasure again, with the same rules (``ErasureService``), so the customer stays erased;
/// then everything the entry removed by digest goes too (retention runs, and what an erasure
/// removed of customers the copy does not hold). Each re-applied erasure is audited.
public struct ErasureJournalReplay: Sendable {
    public var archive: ArchiveStore
    public var hasher: PersonalIDHasher?
    public var audit: AuditTrail

    public init(archive: ArchiveStore, hasher: PersonalIDHasher?, audit: AuditTrail) {
        self.archive = archive
        self.hasher = hasher
        self.audit = audit
    }

    /// Applies every entry this archive has not; returns how many entries and customers.
    @discardableResult
    public func applyPending() throws(PrivacyError) -> (entries: Int, customers: Int) {
        let pending = try archiving { () throws(ArchiveError) in try archive.pendingErasures() }
        var customers = 0
        for entry in pending {
            let ids = try archiving { () throws(ArchiveError) in try archive.customersNamed(by: entry) }
            for id in ids {
                guard let subject = try archiving({ () throws(ArchiveError) in try archive.customerProfile(id: id) }) else {
                    continue
                }
                let service = ErasureService(archive: archive, hasher: hasher)
                let request = "erase again from the erasure journal (entry \(entry.id) of \(entry.at))"
                let (plan, redactor) = try service.plan(
                    subject: subject, reason: "re-applied from the erasure journal (erased \(entry.at))",
                    audit: audit.entry(.erasure, customers: [subject.sourceID], request: request, results: nil),
                    removeRegisterRecord: true, replaying: entry.id)
                _ = try service.run(plan, redactor: redactor)
                customers += 1
            }
            _ = try archiving { () throws(ArchiveError) in try archive.applyJournalRemovals(entry) }
        }
        return (pending.count, customers)
    }
}
