import Archive

/// A customer as `arkisto customer show --json` and `GET /api/v1/customers/{id}` give it: profile,
/// identifiers (a henkilötunnus without its value: it is stored only as a keyed hash) and the
/// linked interactions, each with the link's strength and evidence.
public struct CustomerProfileJSON: Encodable, Sendable {
    public struct Identifier: Encodable, Sendable {
        public var kind: String
        public var value: String?
    }

    public struct LinkedInteraction: Encodable, Sendable {
        public var interaction: InteractionSummaryJSON
        public var strength: String
        public var shared: Bool
        public var evidence: [LinkEvidence]

        public func encode(to encoder: any Encoder) throws {
            try interaction.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(strength, forKey: .strength)
            try container.encode(shared, forKey: .shared)
            try container.encode(evidence, forKey: .evidence)
        }

        enum CodingKeys: String, CodingKey { case strength, shared, evidence }
    }

    public var id: String
    public var kind: String
    public var name: String
    public var address: String?
    public var marketingConsent: Bool?
    public var identifiers: [Identifier]
    public var interactions: [LinkedInteraction]

    enum CodingKeys: String, CodingKey {
        case id, kind, name, address, marketingConsent = "marketing_consent", identifiers, interactions
    }

    public init(profile: CustomerProfile, timeline: [TimelineEntry]) {
        id = profile.sourceID
        kind = profile.kind.rawValue
        name = profile.name
        address = profile.address
        marketingConsent = profile.marketingConsent
        identifiers = profile.identifiers.map { Identifier(kind: $0.kind.rawValue, value: $0.written) }
        interactions = timeline.map {
            LinkedInteraction(
                interaction: InteractionSummaryJSON($0.interaction), strength: $0.strength.rawValue, shared: $0.shared,
                evidence: $0.evidence)
        }
    }
}
