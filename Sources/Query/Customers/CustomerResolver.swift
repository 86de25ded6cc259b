import Archive
import FinnishText
import Foundation

/// Finds the customers a user means: by the id in the source list (`C00017`), an e-mail address,
/// a phone number in any written form, a customer number or a Y-tunnus.
public struct CustomerResolver: Sendable {
    public var archive: ArchiveStore

    public init(archive: ArchiveStore) {
        self.archive = archive
    }

    public func customerIDs(for text: String) throws(ArchiveError) -> [Int64] {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { return [] }
        let bySourceID = try archive.customerIDs(sourceID: value)
        if !bySourceID.isEmpty { return bySourceID }
        var candidates: [(IdentifierKind, String)] = []
        if let email = EmailAddress.normalized(value) { candidates.append((.email, email)) }
        if let number = CustomerNumber(value) { candidates.append((.customerNumber, number.description)) }
        if let businessID = BusinessID(value) { candidates.append((.businessID, businessID.description)) }
        if let phone = PhoneNumber.e164(value) { candidates.append((.phone, phone)) }
        var found: [Int64] = []
        for (kind, normalized) in candidates {
            for id in try archive.customerIDs(holding: kind, value: normalized) where !found.contains(id) {
                found.append(id)
            }
        }
        return found
    }
}
