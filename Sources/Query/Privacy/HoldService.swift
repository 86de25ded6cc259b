import Archive

/// Legal holds: a held customer's data is neither erased nor removed by retention.
public struct HoldService: Sendable {
    public var archive: ArchiveStore
    public var audit: AuditTrail

    public init(archive: ArchiveStore, audit: AuditTrail) {
        self.archive = archive
        self.audit = audit
    }

    public func place(customer who: String, reason: String) throws(PrivacyError) -> CustomerProfile {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .invalid("a hold needs a reason") }
        let subject = try select(who)
        try archiving { () throws(ArchiveError) in
            try archive.placeHold(
                customerID: subject.id, reason: reason,
                audit: audit.entry(.holdAdd, customers: [subject.sourceID], request: "hold: \(reason)", results: nil))
        }
        return subject
    }

    /// Lifts the hold; false when there was none.
    public func lift(customer who: String) throws(PrivacyError) -> Bool {
        let subject = try select(who)
        return try archiving { () throws(ArchiveError) in
            try archive.liftHold(
                customerID: subject.id,
                audit: audit.entry(.holdRemove, customers: [subject.sourceID], request: "hold lifted", results: nil))
        }
    }

    public func list() throws(PrivacyError) -> [LegalHold] {
        try archiving { () throws(ArchiveError) in try archive.holds() }
    }

    private func select(_ who: String) throws(PrivacyError) -> CustomerProfile {
        do {
            return try CustomerResolver(archive: archive).single(who)
        } catch {
            throw .customer(error)
        }
    }
}
