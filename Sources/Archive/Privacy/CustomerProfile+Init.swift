extension CustomerProfile {
    /// A profile built by hand (a register snapshot, tests).
    public init(
        sourceID: String, id: Int64, name: String, kind: CustomerKind = .person, address: String? = nil,
        marketingConsent: Bool? = nil, identifiers: [CustomerIdentifier]
    ) {
        self.id = id
        self.sourceID = sourceID
        self.kind = kind
        self.name = name
        self.address = address
        self.marketingConsent = marketingConsent
        self.identifiers = identifiers
    }
}
