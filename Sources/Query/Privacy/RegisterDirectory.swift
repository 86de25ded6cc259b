import Archive
import FinnishText

/// The keyed hash under which the archive stores personal identity codes (the CLI passes
/// `PersonalIDKey.hash`); without it every code found in text counts as someone else's.
public typealias PersonalIDHasher = @Sendable (PersonalIdentityCode) -> String

/// The customer register as the redaction rules see it: who holds which identifier, and names.
public struct RegisterDirectory: Sendable {
    public let customers: [CustomerProfile]
    /// `kind:value` → register rows holding it.
    private let holders: [String: Set<Int64>]

    public init(customers: [CustomerProfile]) {
        self.customers = customers
        var holders: [String: Set<Int64>] = [:]
        for customer in customers {
            for identifier in customer.identifiers {
                holders[Self.key(identifier.kind, identifier.value), default: []].insert(customer.id)
            }
        }
        self.holders = holders
    }

    public static func load(_ archive: ArchiveStore) throws(ArchiveError) -> RegisterDirectory {
        RegisterDirectory(customers: try archive.allCustomerProfiles())
    }

    public func customer(id: Int64) -> CustomerProfile? {
        customers.first { $0.id == id }
    }

    /// Who holds an identifier (normalised value; for a personal identity code, its hash).
    public func holders(of kind: IdentifierKind, _ value: String) -> Set<Int64> {
        holders[Self.key(kind, value)] ?? []
    }

    /// Identifiers of `customerID` that nobody else holds.
    public func ownIdentifiers(of customerID: Int64) -> [CustomerIdentifier] {
        (customer(id: customerID)?.identifiers ?? []).filter { holders(of: $0.kind, $0.value) == [customerID] }
    }

    private static func key(_ kind: IdentifierKind, _ value: String) -> String { kind.rawValue + ":" + value }
}

extension RedactedKind {
    /// The register's identifier kind for a recognised kind (names are not identifiers there).
    var identifierKind: IdentifierKind? {
        switch self {
        case .name: nil
        case .email: .email
        case .phone: .phone
        case .customerNumber: .customerNumber
        case .businessID: .businessID
        case .personalID: .personalID
        }
    }
}

extension RedactionPolicy {
    /// For a subject's inspection report: everyone's data but the subject's own goes. E-mail
    /// addresses, phone numbers, customer numbers and personal identity codes are redacted unless
    /// they are the subject's (an identifier the subject shares with another customer, such as a
    /// household address, is also the subject's); the company's own e-mail domains and phone
    /// numbers stay. Y-tunnus are redacted when another customer holds them (a company's number
    /// that is nobody's in the register is public). Other customers' names are redacted unless
    /// the subject has the same name.
    public static func inspectionReport(
        subject: CustomerProfile, register: RegisterDirectory, ownDomains: Set<String>, companyPhones: Set<String>,
        hasher: PersonalIDHasher?
    ) -> RedactionPolicy {
        let own = Set(subject.identifiers.map { "\($0.kind.rawValue):\($0.value)" })
        let ownHashes = Set(subject.identifiers.filter { $0.kind == .personalID }.map(\.value))
        let subjectName = subject.name.lowercased()
        let names = register.customers.filter { $0.id != subject.id && $0.name.lowercased() != subjectName }.map(\.name)
        return RedactionPolicy(
            names: NameMatcher(names: names),
            shouldRedact: { kind, value in
                guard let identifierKind = kind.identifierKind else { return true }
                if own.contains("\(identifierKind.rawValue):\(value)") { return false }
                switch kind {
                case .email:
                    let domain = value.split(separator: "@").last.map(String.init) ?? ""
                    return !ownDomains.contains(domain)
                case .phone: return !companyPhones.contains(value)
                case .businessID: return !register.holders(of: .businessID, value).isEmpty
                case .name, .customerNumber, .personalID: return true
                }
            },
            shouldRedactPersonalID: { code in
                guard let hasher else { return true }
                return !ownHashes.contains(hasher(code))
            })
    }

    /// For an erasure: only the subject's data goes, and only what is theirs alone (an
    /// identifier or a name another customer also has stays, since it is theirs too).
    public static func erasure(subject: CustomerProfile, register: RegisterDirectory, hasher: PersonalIDHasher?) -> RedactionPolicy {
        erasure(
            subject: subject, ownIdentifiers: register.ownIdentifiers(of: subject.id),
            nameShared: register.customers.contains { $0.id != subject.id && $0.name.lowercased() == subject.name.lowercased() },
            hasher: hasher)
    }

    /// The same, from what the register says of the subject alone: the identifiers nobody else
    /// holds, and whether another customer has the subject's name.
    public static func erasure(
        subject: CustomerProfile, ownIdentifiers: [CustomerIdentifier], nameShared: Bool, hasher: PersonalIDHasher?
    ) -> RedactionPolicy {
        let mine = Set(ownIdentifiers.map { "\($0.kind.rawValue):\($0.value)" })
        let ownHashes = Set(ownIdentifiers.filter { $0.kind == .personalID }.map(\.value))
        return RedactionPolicy(
            names: NameMatcher(names: nameShared ? [] : [subject.name]),
            shouldRedact: { kind, value in
                guard let identifierKind = kind.identifierKind else { return false }
                return mine.contains("\(identifierKind.rawValue):\(value)")
            },
            shouldRedactPersonalID: { code in
                // Without the key no code can be told apart: all go, rather than leave the subject's.
                guard let hasher else { return true }
                return ownHashes.contains(hasher(code))
            })
    }
}
