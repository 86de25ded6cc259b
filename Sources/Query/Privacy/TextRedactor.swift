import FinnishText

/// The kinds of personal data the redactor recognises in text.
public enum RedactedKind: String, Sendable, Codable, CaseIterable, Comparable {
    case name
    case email
    case phone
    case customerNumber = "customer_number"
    case businessID = "business_id"
    case personalID = "personal_id"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// What replaces it in text.
    public var placeholder: String {
        switch self {
        case .name: "[nimi poistettu]"
        case .email: "[sähköpostiosoite poistettu]"
        case .phone: "[puhelinnumero poistettu]"
        case .customerNumber: "[asiakasnumero poistettu]"
        case .businessID: "[Y-tunnus poistettu]"
        case .personalID: "[henkilötunnus poistettu]"
        }
    }
}

/// How many of each kind were redacted.
public struct RedactionCounts: Sendable, Codable, Equatable {
    public private(set) var byKind: [RedactedKind: Int] = [:]

    public init() {}

    public var total: Int { byKind.values.reduce(0, +) }

    public subscript(kind: RedactedKind) -> Int { byKind[kind] ?? 0 }

    mutating func add(_ kind: RedactedKind, _ count: Int = 1) {
        byKind[kind, default: 0] += count
    }

    public mutating func add(_ other: RedactionCounts) {
        for (kind, count) in other.byKind { add(kind, count) }
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.singleValueContainer().decode([String: Int].self)
        for (key, count) in values {
            if let kind = RedactedKind(rawValue: key) { byKind[kind] = count }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        var values: [String: Int] = [:]
        for kind in RedactedKind.allCases { values[kind.rawValue] = byKind[kind] ?? 0 }
        try container.encode(values)
    }
}

/// Text with some personal data replaced by placeholders.
public struct RedactedText: Sendable, Equatable {
    public var text: String
    public var counts: RedactionCounts
}

/// Decides, for each identifier found in text, whether it is redacted.
public struct RedactionPolicy: Sendable {
    /// Normalised values (e-mail lower case, phone E.164, `AS-1234567`, `1234567-8`) to redact.
    public var shouldRedact: @Sendable (RedactedKind, String) -> Bool
    /// Whether a personal identity code found in text is redacted.
    public var shouldRedactPersonalID: @Sendable (PersonalIdentityCode) -> Bool
    /// The names to redact.
    public var names: NameMatcher

    public init(
        names: NameMatcher, shouldRedact: @escaping @Sendable (RedactedKind, String) -> Bool,
        shouldRedactPersonalID: @escaping @Sendable (PersonalIdentityCode) -> Bool
    ) {
        self.names = names
        self.shouldRedact = shouldRedact
        self.shouldRedactPersonalID = shouldRedactPersonalID
    }
}

/// Replaces personal data in text according to a policy, using the identifier recognisers of
/// FinnishText (e-mail addresses, Finnish phone numbers in any written form, customer numbers,
/// Y-tunnus and henkilötunnus with their check characters) and a name matcher.
public struct TextRedactor: Sendable {
    public var policy: RedactionPolicy

    public init(policy: RedactionPolicy) {
        self.policy = policy
    }

    public func redact(_ text: String) -> RedactedText {
        var found: [(range: Range<String.Index>, kind: RedactedKind)] = []
        for match in EmailAddress.all(in: text) where policy.shouldRedact(.email, match.value.value) {
            found.append((match.range, .email))
        }
        for match in PersonalIdentityCode.all(in: text) where policy.shouldRedactPersonalID(match.value) {
            found.append((match.range, .personalID))
        }
        for match in BusinessID.all(in: text) where policy.shouldRedact(.businessID, match.value.value) {
            found.append((match.range, .businessID))
        }
        for match in LooseCustomerNumbers.all(in: text) where policy.shouldRedact(.customerNumber, match.value.value) {
            found.append((match.range, .customerNumber))
        }
        for match in PhoneNumber.all(in: text) where policy.shouldRedact(.phone, match.value.e164) {
            found.append((match.range, .phone))
        }
        for range in policy.names.matches(in: text) {
            found.append((range, .name))
        }
        guard !found.isEmpty else { return RedactedText(text: text, counts: RedactionCounts()) }

        // Earliest first, the longest of those starting together; a match inside an earlier one goes.
        found.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound
            : $0.range.upperBound > $1.range.upperBound }
        var output = ""
        var counts = RedactionCounts()
        var cursor = text.startIndex
        for (range, kind) in found where range.lowerBound >= cursor {
            output += text[cursor..<range.lowerBound]
            output += kind.placeholder
            counts.add(kind)
            cursor = range.upperBound
        }
        output += text[cursor...]
        return RedactedText(text: output, counts: counts)
    }
}
