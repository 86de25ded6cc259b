/// The kinds of identifier that tie interactions to data subjects.
public enum IdentifierKind: String, Sendable, Codable, CaseIterable {
    case email
    case phone
    case customerNumber = "customer_number"
    case businessID = "business_id"
    /// A henkilötunnus, only ever stored as a keyed hash.
    case personalID = "personal_id"
}

/// How strongly a piece of evidence ties an interaction to whoever holds the identifier.
public enum LinkStrength: String, Sendable, Codable, Comparable {
    /// The identifier in an address field, a requester or caller field, or a unique register
    /// identifier (customer number, Y-tunnus, henkilötunnus) in the text: goes into profiles and
    /// inspection reports.
    case exact
    /// Found in free text (a phone number in a signature, an address in quoted text): listed for
    /// review, never included silently.
    case weak

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .weak && rhs == .exact }
}

/// An identifier an interaction mentions, normalised (e-mail lowercased, phone in E.164,
/// personal identity code as its keyed hash), and where it was found.
public struct IdentifierMention: Hashable, Sendable, Codable {
    public var kind: IdentifierKind
    public var value: String
    /// Where: `from`, `to`, `cc`, `reply_to`, `requester`, `author`, `caller`, `callee`, `subject`,
    /// `body`, `signature`, `quoted`, `transcript`, `attachment` (an attachment's own text, OCR included).
    public var location: String
    public var strength: LinkStrength

    public init(kind: IdentifierKind, value: String, location: String, strength: LinkStrength) {
        self.kind = kind
        self.value = value
        self.location = location
        self.strength = strength
    }
}

/// Who wrote or started an interaction, from the company's point of view.
public enum Direction: String, Sendable, Codable {
    /// From a customer or anyone outside the company.
    case inbound
    /// From the company (an agent's reply, an outbound call).
    case outbound
    case unknown
}
