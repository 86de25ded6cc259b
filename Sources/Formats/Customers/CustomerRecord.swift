/// One customer of a customer list. Values are as written in the file, only trimmed: normalising
/// phone numbers and checking Y-tunnus and henkilötunnus check characters is the importer's job.
public struct CustomerRecord: Sendable, Equatable {
    /// The customer's id in the source system (`C00001`); a CSV without an id column uses the
    /// customer number.
    public var sourceID: String
    /// As the list says; when it does not, a company if a business id and no personal id is given,
    /// otherwise a person.
    public var kind: CustomerKind
    /// Empty when the list has none.
    public var name: String
    public var emails: [String]
    /// As written: `040 123 4567`, `+358 40 1234567`, `(09) 123 456`.
    public var phones: [String]
    /// `AS-1234567`.
    public var customerNumber: String?
    /// The Y-tunnus of a company.
    public var businessID: String?
    /// The henkilötunnus of a person.
    public var personalID: String?
    public var address: String?
    /// nil when the list does not say.
    public var marketingConsent: Bool?

    public init(
        sourceID: String, kind: CustomerKind, name: String, emails: [String] = [], phones: [String] = [],
        customerNumber: String? = nil, businessID: String? = nil, personalID: String? = nil, address: String? = nil,
        marketingConsent: Bool? = nil
    ) {
        self.sourceID = sourceID
        self.kind = kind
        self.name = name
        self.emails = emails
        self.phones = phones
        self.customerNumber = customerNumber
        self.businessID = businessID
        self.personalID = personalID
        self.address = address
        self.marketingConsent = marketingConsent
    }
}

public enum CustomerKind: String, Sendable, Equatable, CaseIterable {
    case person
    case company

    /// Reads `person`/`company` and the usual alternatives in English and Finnish, ignoring case
    /// (`individual`, `private`, `henkilö`, `yksityinen`; `business`, `organisation`, `yritys`, `yhteisö`).
    public init?(exportValue: String) {
        switch exportValue.trimmed.lowercased() {
        case "person", "individual", "private", "consumer", "natural person", "henkilö", "henkilo", "yksityinen",
            "yksityishenkilö", "yksityishenkilo", "kuluttaja":
            self = .person
        case "company", "business", "organization", "organisation", "corporate", "corporation", "yritys", "yhteisö",
            "yhteiso", "organisaatio":
            self = .company
        default:
            return nil
        }
    }
}
