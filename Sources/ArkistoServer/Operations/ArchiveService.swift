import Archive
import Foundation
import Ingest
import Query

/// The archive the server serves, and the library calls each operation makes — the same calls
/// the command-line tool makes, each logged in the audit log with the user who asked.
struct ArchiveService: Sendable {
    let store: ArchiveStore
    /// The key that hashes personal identity codes (`ARCHIVE.pidkey` unless told otherwise).
    let personalIDKeyPath: String
    /// What the operations count and time, for `/metrics`.
    let metrics: ServerMetrics

    init(store: ArchiveStore, personalIDKeyPath: String? = nil, metrics: ServerMetrics) {
        self.store = store
        self.personalIDKeyPath = personalIDKeyPath ?? store.path + ".pidkey"
        self.metrics = metrics
    }

    func trail(_ identity: Identity) -> AuditTrail {
        AuditTrail(archive: store, actor: identity.auditActor)
    }

    /// The hasher for reports and erasure, or nil when the archive has no key (then codes in text
    /// cannot be told apart; the CLI behaves the same). Never creates a key.
    func hasher() throws(OperationError) -> PersonalIDHasher? {
        guard FileManager.default.fileExists(atPath: personalIDKeyPath) else { return nil }
        do {
            let key = try PersonalIDKey.loadOrCreate(at: personalIDKeyPath)
            return { code in key.hash(code) }
        } catch {
            throw .failed("personal identity code key: \(error)")
        }
    }

    /// The customer with this register id.
    func customer(registerID: String) throws(OperationError) -> CustomerProfile {
        let profile = try archive { () throws(ArchiveError) in
            try store.customerIDs(sourceID: registerID).first.flatMap { id throws(ArchiveError) in try store.customerProfile(id: id) }
        }
        guard let profile else { throw .notFound("no customer '\(registerID)'") }
        return profile
    }
}

/// Runs archive work, reporting its failure as an ``OperationError``.
func archive<T>(_ body: () throws(ArchiveError) -> T) throws(OperationError) -> T {
    do {
        return try body()
    } catch {
        throw .failed("\(error)")
    }
}

extension OperationError {
    init(_ error: PrivacyError) {
        switch error {
        case .blocked(let blocked): self = .conflict("\(blocked)")
        case .customer(.notFound(let who)): self = .notFound("no customer found for '\(who)'")
        case .customer(.archive(let error)): self = .failed("\(error)")
        case .customer(let other): self = .invalid("\(other)")
        case .invalid(let message): self = message.hasPrefix("no inspection case") ? .notFound(message) : .conflict(message)
        case .archive(let error): self = .failed("\(error)")
        case .file(let path, let reason): self = .failed("\(path): \(reason)")
        }
    }
}
