/// Builds a ``CustomerRecord`` from the values a JSON line or CSV row gives for each field.
///
/// Several e-mail addresses or phone numbers in one value are split: e-mail addresses at `,` `;` `|`
/// and white space, phone numbers at `,` `;` `|` and line breaks only (a phone number is written with
/// spaces). With no `kind`, a customer with a business id and no personal id is a company, any other
/// a person; a `kind` that names neither is an error. With no id, the customer number is the id.
enum CustomerRecordBuilder {
    static func build(_ values: [CustomerField: [String]]) throws(RecordFailure) -> CustomerRecord {
        func first(_ field: CustomerField) -> String? {
            values[field]?.lazy.map(\.trimmed).first { !$0.isEmpty }
        }
        let customerNumber = first(.customerNumber)
        guard let sourceID = first(.id) ?? customerNumber else { throw RecordFailure("missing id") }
        let businessID = first(.businessID)
        let personalID = first(.personalID)
        let kind: CustomerKind
        if let kindText = first(.kind) {
            guard let known = CustomerKind(exportValue: kindText) else {
                throw RecordFailure("unknown kind \(RecordFailure.quoted(kindText)), expected person or company")
            }
            kind = known
        } else {
            kind = businessID != nil && personalID == nil ? .company : .person
        }
        var marketingConsent: Bool?
        if let consent = first(.marketingConsent) {
            guard let value = BooleanWords.value(of: consent) else {
                throw RecordFailure("marketing consent: not yes or no: \(RecordFailure.quoted(consent))")
            }
            marketingConsent = value
        }
        let fullName = [first(.firstName), first(.lastName)].compactMap { $0 }.joined(separator: " ")
        return CustomerRecord(
            sourceID: sourceID,
            kind: kind,
            name: first(.name) ?? fullName,
            emails: (values[.emails] ?? []).flatMap { split($0, atWhitespace: true) },
            phones: (values[.phones] ?? []).flatMap { split($0, atWhitespace: false) },
            customerNumber: customerNumber,
            businessID: businessID,
            personalID: personalID,
            address: address(street: first(.address), postalCode: first(.postalCode), city: first(.city)),
            marketingConsent: marketingConsent)
    }

    static func split(_ value: String, atWhitespace: Bool) -> [String] {
        value.split(whereSeparator: { character in
            character == "," || character == ";" || character == "|" || character.isNewline
                || (atWhitespace && character.isWhitespace)
        }).map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// `street, postal code city` from separate columns; the street alone when that is all there is.
    private static func address(street: String?, postalCode: String?, city: String?) -> String? {
        let locality = [postalCode, city].compactMap { $0 }.joined(separator: " ")
        let parts = [street, locality.isEmpty ? nil : locality].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
