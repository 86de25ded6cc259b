/// What a user may do. Each role may do everything the roles before it may.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// Search, customer pages, messages and their files.
    case agent
    /// Also inspection cases, link reviews, the audit log and erasure.
    case privacyOfficer = "privacy-officer"
    /// Also imports.
    case admin

    private var rank: Int {
        switch self {
        case .agent: 0
        case .privacyOfficer: 1
        case .admin: 2
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    /// Whether this role may do what `needed` may.
    public func allows(_ needed: Role) -> Bool { self >= needed }

    /// The role's name in the Finnish interface.
    var finnishName: String {
        switch self {
        case .agent: "asiakaspalvelija"
        case .privacyOfficer: "tietosuojavastaava"
        case .admin: "ylläpitäjä"
        }
    }
}
