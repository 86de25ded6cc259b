import Archive
import Ingest
import Query

extension ArchiveStore {
    /// Erases a register customer as `arkisto erase` does (with the tests' personal ID key).
    func eraseCustomer(_ sourceID: String) throws -> ErasureCounts {
        let subject = try CustomerResolver(archive: self).single(sourceID)
        let service = ErasureService(archive: self, hasher: { PersonalIDKey.testKey.hash($0) })
        let (plan, redactor) = try service.plan(
            subject: subject, reason: "asiakkaan pyyntö",
            audit: AuditTrail(archive: self, actor: "tietosuoja").entry(.erasure, customers: [sourceID], request: "erase \(sourceID)", results: nil))
        return try service.run(plan, redactor: redactor)
    }
}
