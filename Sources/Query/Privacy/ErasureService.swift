import Archive
import FinnishText
import Foundation

/// Erasing a data subject (GDPR Art. 17): what concerns them alone is removed; what also concerns
/// others is kept with their data redacted; quarantined records holding their data go; a
/// tombstone records when, why, by whom and how much.
public struct ErasureService: Sendable {
    public var archive: ArchiveStore
    public var hasher: PersonalIDHasher?

    public init(archive: ArchiveStore, hasher: PersonalIDHasher?) {
        self.archive = archive
        self.hasher = hasher
    }

    /// What erasing `subject` would do, without doing it. `replaying` names the erasure journal
    /// entry an erasure re-applies after a restore: a hold or case in the restored copy, from
    /// before the erasure, does not refuse it then.
    public func plan(
        subject: CustomerProfile, reason: String, audit: AuditEntry, removeRegisterRecord: Bool = true, replaying: String? = nil
    ) throws(PrivacyError) -> (plan: ErasurePlan, redactor: TextRedactor) {
        if replaying == nil, let block = try archiving({ () throws(ArchiveError) in try archive.erasureBlock(customerID: subject.id) }) {
            throw .blocked(ErasureBlocked(customerSourceID: subject.sourceID, reason: block))
        }
        // Only what concerns the subject is read of the register: its cost does not grow with it.
        let ownIdentifiers = try archiving { () throws(ArchiveError) in try archive.identifiersHeldOnly(byCustomer: subject.id) }
        let nameShared = try archiving { () throws(ArchiveError) in
            try archive.anotherCustomer(isNamed: subject.name, except: subject.id)
        }
        let redactor = TextRedactor(
            policy: .erasure(subject: subject, ownIdentifiers: ownIdentifiers, nameShared: nameShared, hasher: hasher))
        var remove: [Int64] = []
        var redact: [Int64] = []
        let candidates = try archiving { () throws(ArchiveError) in try archive.erasureCandidates(customerID: subject.id) }
        for candidate in candidates {
            if candidate.strength == .exact && candidate.otherExactCustomers == 0 {
                remove.append(candidate.interactionID)
            } else {
                redact.append(candidate.interactionID)
            }
        }
        // The name written where no identifier links the subject ("puolisoni Matti Koskinen"),
        // when no other customer has that name.
        let linked = Set(remove + redact)
        var named: [Int64] = []
        if !nameShared {
            named = try archiving { () throws(ArchiveError) in try NameSearch.interactions(naming: subject, in: archive) }
        }
        for id in named where !linked.contains(id) {
            redact.append(id)
        }
        var quarantined: [Int64] = []
        try archiving { () throws(ArchiveError) in
            try archive.forEachQuarantined { id, bytes in
                guard let bytes else { return }
                if redactor.redact(String(decoding: bytes, as: UTF8.self)).counts.total > 0 { quarantined.append(id) }
            }
        }
        var plan = ErasurePlan(
            customerID: subject.id, customerSourceID: subject.sourceID, remove: remove, redact: redact,
            ownIdentifiers: ownIdentifiers, quarantineIDs: quarantined,
            removeRegisterRecord: removeRegisterRecord, reason: reason, audit: audit)
        plan.replaying = replaying
        return (plan, redactor)
    }

    /// Carries out an erasure planned with ``plan(subject:reason:audit:removeRegisterRecord:)``. The
    /// archive checks the hold and open cases again inside its transaction (a hold placed since the
    /// plan was made refuses the erasure there, with the reason in the error).
    public func run(_ plan: ErasurePlan, redactor: TextRedactor) throws(PrivacyError) -> ErasureCounts {
        try archiving { () throws(ArchiveError) in try archive.erase(plan) { redactor.redact($0).text } }
    }
}

/// Why a privacy operation failed.
public enum PrivacyError: Error, Sendable, CustomStringConvertible {
    case blocked(ErasureBlocked)
    case customer(CustomerSelectionError)
    case invalid(String)
    case archive(ArchiveError)
    case file(path: String, reason: String)

    public var description: String {
        switch self {
        case .blocked(let error): "\(error)"
        case .customer(let error): "\(error)"
        case .invalid(let message): message
        case .archive(let error): "\(error)"
        case .file(let path, let reason): "\(path): \(reason)"
        }
    }
}
