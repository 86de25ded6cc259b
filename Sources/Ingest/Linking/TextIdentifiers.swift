import Archive
import FinnishText

/// An identifier found in a piece of text, normalised the way the customer register is.
struct FoundIdentifier: Equatable, Sendable {
    var kind: IdentifierKind
    /// Normalised value; for a personal identity code, its keyed hash.
    var value: String
    /// UTF-8 offset in the searched text, for reporting identifiers in reading order.
    var offset: Int
}

/// Runs the FinnishText recognisers over one piece of text and normalises what they find.
///
/// Beyond the recognisers' own rules, phone numbers are dropped inside bank account numbers
/// (`FI21 1234 5600 0401 23`) and right after an invoice, reference or order label
/// (`laskunumero 0401234567`), and business IDs are also read in their VAT form (`FI12345671`).
///
/// A recogniser runs only when the text has what its identifier needs (`CandidateProfile`), and
/// bank account numbers are looked for only when there are phone numbers to check against them.
struct TextIdentifiers {
    let personalIDKey: PersonalIDKey

    func all(in text: String) -> [FoundIdentifier] {
        let profile = CandidateProfile(text)
        var found: [FoundIdentifier] = []
        func add(_ kind: IdentifierKind, _ value: String, at range: Range<String.Index>) {
            found.append(FoundIdentifier(kind: kind, value: value, offset: utf8Offsets(of: range, in: text).lowerBound))
        }
        if profile.mayHoldRegisterIdentifier {
            for match in CustomerNumber.all(in: text) { add(.customerNumber, match.value.value, at: match.range) }
            for match in BusinessID.all(in: text) { add(.businessID, match.value.value, at: match.range) }
            for match in VATNumber.all(in: text) { add(.businessID, match.value.value, at: match.range) }
            for match in PersonalIdentityCode.all(in: text) { add(.personalID, personalIDKey.hash(match.value), at: match.range) }
        }
        if profile.mayHoldEmailAddress {
            for match in EmailAddress.all(in: text) { add(.email, match.value.value, at: match.range) }
        }
        if profile.mayHoldPhoneNumber {
            let phones = PhoneNumber.all(in: text)
            let accounts = phones.isEmpty ? [] : bankAccountNumbers(in: text)
            for match in phones
            where !accounts.contains(where: { $0.overlaps(utf8Offsets(of: match.range, in: text)) })
                && !NonPhoneLabels.precede(match.range, in: text) {
                add(.phone, match.value.e164, at: match.range)
            }
        }
        return found.sorted { $0.offset < $1.offset }
    }

    private func bankAccountNumbers(in text: String) -> [Range<Int>] {
        var copy = text
        return copy.withUTF8 { BankAccountNumbers.ranges(in: $0) }
    }

    private func utf8Offsets(of range: Range<String.Index>, in text: String) -> Range<Int> {
        let utf8 = text.utf8
        let start = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
        return start..<start + utf8.distance(from: range.lowerBound, to: range.upperBound)
    }
}
