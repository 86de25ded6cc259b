import Archive

/// Finding the one customer a privacy operation is about.
public enum CustomerSelectionError: Error, Sendable, CustomStringConvertible {
    case notFound(String)
    case ambiguous(String, [String])
    case archive(ArchiveError)

    public var description: String {
        switch self {
        case .notFound(let who): "no customer found for '\(who)'"
        case .ambiguous(let who, let ids):
            "'\(who)' names \(ids.count) customers (\(ids.joined(separator: ", "))): give the register id"
        case .archive(let error): "\(error)"
        }
    }
}

extension CustomerResolver {
    /// The one customer `who` names (register id, e-mail, phone, customer number, Y-tunnus).
    public func single(_ who: String) throws(CustomerSelectionError) -> CustomerProfile {
        let ids: [Int64]
        do { ids = try customerIDs(for: who) } catch { throw .archive(error) }
        guard let first = ids.first else { throw .notFound(who) }
        guard ids.count == 1 else {
            let registerIDs: [String]
            do { registerIDs = try archive.customerSourceIDs(ids: ids) } catch { throw .archive(error) }
            throw .ambiguous(who, registerIDs)
        }
        let profile: CustomerProfile?
        do { profile = try archive.customerProfile(id: first) } catch { throw .archive(error) }
        guard let profile else { throw .notFound(who) }
        return profile
    }
}
