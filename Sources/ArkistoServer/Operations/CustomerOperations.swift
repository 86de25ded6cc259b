import Archive
import Foundation
import Query

/// A customer's page: profile and timeline (exact links only, as in `arkisto customer show`).
struct CustomerRecord: Sendable {
    var profile: CustomerProfile
    var timeline: [TimelineEntry]
}

extension ArchiveService {
    func customerRecord(registerID: String, includeWeak: Bool = false, by identity: Identity) throws(OperationError)
        -> CustomerRecord
    {
        let profile = try customer(registerID: registerID)
        let timeline = try archive { () throws(ArchiveError) in try store.timeline(customerID: profile.id, includeWeak: includeWeak) }
        try archive { () throws(ArchiveError) in
            try trail(identity).viewedCustomers(
                request: registerID + (includeWeak ? " --include-weak" : ""), customerIDs: [profile.id], interactions: timeline.count)
        }
        return CustomerRecord(profile: profile, timeline: timeline)
    }

    /// Complaints, newest first, optionally since a day; logged as a search for `is:complaint`.
    func complaints(since: Date?, by identity: Identity) throws(OperationError) -> [InteractionSummary] {
        let list = try archive { () throws(ArchiveError) in try store.complaints(customerID: nil, since: since) }
        try archive { () throws(ArchiveError) in
            try trail(identity).searched(
                query: "is:complaint" + (since.map { " date:\(Timestamp.format($0).prefix(10)).." } ?? ""), results: list.count)
        }
        return list
    }
}
