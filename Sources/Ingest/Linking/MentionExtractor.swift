import Archive
import FinnishText

/// Turns an interaction's text and address fields into the identifier mentions from which the
/// archive links it to customers.
///
/// ## Strength policy (the product's privacy policy)
///
/// An `.exact` mention puts the interaction into every holder's profile and inspection report; a
/// `.weak` one only lists it for the privacy officer's review.
///
/// | Identifier | subject, own body text, signature, transcript | quoted or forwarded text | attachment text (OCR too) |
/// |---|---|---|---|
/// | customer number (`AS-1234567`) | exact | weak | weak |
/// | Y-tunnus (check digit valid) | exact | weak | weak |
/// | henkilötunnus (check character valid) | exact | weak | weak |
/// | e-mail address, phone number | weak | weak | weak |
///
/// - Customer numbers, Y-tunnus and henkilötunnus are unique register identifiers with a fixed
///   format or check character: when the author writes one, the interaction concerns its holder
///   (the spouse writing "asiakasnumero AS-7654321" on behalf of the account holder included).
///   In quoted or forwarded text someone else wrote it, maybe in another conversation, so it is
///   only weak.
/// - An attachment is a document the author passes on (an invoice, a contract, a screenshot of
///   someone's bill): what it names is only weak, offered for review, never a link by itself.
/// - An address or number in free text may be anyone's (a neighbour's, a contractor's, the
///   company's own): always weak, wherever it is.
/// - Address fields (`From`, `To`, a ticket's requester, a call's caller) are exact:
///   `mentions(email:location:)`, `mentions(phone:location:)`.
/// - Values are normalised as the register is: e-mail by `EmailAddress.normalized`, phone to
///   E.164, customer number `AS-1234567`, Y-tunnus `1234567-8` (also read from `FI12345678`),
///   henkilötunnus only as `PersonalIDKey.hash` — the clear code never leaves this type.
/// - Numbers that fail their check character, dates, amounts, times, IBANs and numbers after an
///   invoice/reference/order label give no mention.
/// - Text locations: `subject`, `body` (the author's own text), `signature`, `quoted` (also the
///   whole text of an attached message: ``TextRole/forwarded``), `transcript`, `attachment`
///   (``TextRole/attachment``).
///   Each identifier is reported once per location, in reading order.
public struct MentionExtractor: Sendable {
    private let identifiers: TextIdentifiers

    public init(personalIDKey: PersonalIDKey) {
        identifiers = TextIdentifiers(personalIDKey: personalIDKey)
    }

    /// The identifiers written in `text`, with where and how strongly (see the type's policy).
    public func mentions(inText text: String, role: TextRole) -> [IdentifierMention] {
        let pieces: [(TextLocation, String)] = switch role {
        case .subject: [(.subject, text)]
        case .transcript: [(.transcript, text)]
        case .forwarded: [(.quoted, text)]
        case .attachment: [(.attachment, text)]
        case .body: BodySections(body: text).sections.map { (Self.location(of: $0.part), $0.text) }
        }
        var seen = Set<IdentifierMention>()
        var mentions: [IdentifierMention] = []
        for (place, piece) in pieces {
            for found in identifiers.all(in: piece) {
                let mention = IdentifierMention(
                    kind: found.kind, value: found.value, location: place.rawValue,
                    strength: Self.strength(of: found.kind, in: place))
                if seen.insert(mention).inserted { mentions.append(mention) }
            }
        }
        return mentions
    }

    /// The identifiers an attachment's text names: an attached message's as forwarded text, any
    /// other's as attachment text; weak either way.
    public func mentions(inAttachment text: String?, contentType: String) -> [IdentifierMention] {
        guard let text, !text.isEmpty else { return [] }
        return mentions(inText: text, role: contentType.hasPrefix("message/") ? .forwarded : .attachment)
    }

    /// An exact e-mail mention for an address field (`from`, `to`, `requester`...); nil when the
    /// field is empty or holds no valid address.
    public func mention(email: String?, location: String) -> IdentifierMention? {
        guard let email, let value = EmailAddress.normalized(email) else { return nil }
        return IdentifierMention(kind: .email, value: value, location: location, strength: .exact)
    }

    /// An exact phone mention for a caller, callee or requester field; nil when the field is empty
    /// or holds no number that normalises to E.164 (`anonymous`, an internal extension).
    public func mention(phone: String?, location: String) -> IdentifierMention? {
        guard let phone, let value = PhoneNumber.e164(phone) else { return nil }
        return IdentifierMention(kind: .phone, value: value, location: location, strength: .exact)
    }

    /// The author's own text of an e-mail body or ticket comment: without `>` lines, quoted
    /// replies, forwarded messages and the signature.
    public static func ownText(of body: String) -> String {
        BodySections(body: body).ownText
    }

    static func strength(of kind: IdentifierKind, in location: TextLocation) -> LinkStrength {
        switch kind {
        case .email, .phone: .weak
        case .customerNumber, .businessID, .personalID: location == .quoted || location == .attachment ? .weak : .exact
        }
    }

    private static func location(of part: BodySections.Part) -> TextLocation {
        switch part {
        case .own: .body
        case .signature: .signature
        case .quoted: .quoted
        }
    }
}
