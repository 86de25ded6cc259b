import Foundation

public enum CustomerKind: String, Sendable, Codable {
    case person
    case company
}

/// An identifier of a customer, normalised the way interactions' mentions are.
public struct CustomerIdentifier: Hashable, Sendable, Codable {
    public var kind: IdentifierKind
    /// Normalised value; for a personal identity code, its keyed hash.
    public var value: String
    /// As written in the register; nil for a personal identity code (never stored in clear).
    public var written: String?

    public init(kind: IdentifierKind, value: String, written: String?) {
        self.kind = kind
        self.value = value
        self.written = written
    }
}

/// A customer record from the register, ready to store.
public struct NewCustomer: Sendable {
    /// The id it has in the source list (`C00017`): how users name it.
    public var sourceID: String
    public var kind: CustomerKind
    public var name: String
    public var address: String?
    public var marketingConsent: Bool?
    public var identifiers: [CustomerIdentifier]
    public var position: SourcePosition
    /// Digest of the record as read (to recognise a record imported before).
    public var recordDigest: ContentDigest

    public init(
        sourceID: String, kind: CustomerKind, name: String, address: String?, marketingConsent: Bool?,
        identifiers: [CustomerIdentifier], position: SourcePosition, recordDigest: ContentDigest
    ) {
        self.sourceID = sourceID
        self.kind = kind
        self.name = name
        self.address = address
        self.marketingConsent = marketingConsent
        self.identifiers = identifiers
        self.position = position
        self.recordDigest = recordDigest
    }
}

/// A stored customer with its identifiers.
public struct CustomerProfile: Sendable, Codable {
    public var id: Int64
    public var sourceID: String
    public var kind: CustomerKind
    public var name: String
    public var address: String?
    public var marketingConsent: Bool?
    public var identifiers: [CustomerIdentifier]
}
