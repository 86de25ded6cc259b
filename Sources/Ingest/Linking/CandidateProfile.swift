/// What a text holds that the identifier recognisers need, from one pass over its UTF-8 bytes, so
/// that a text without any candidate skips them.
///
/// Necessary conditions, not sufficient ones: customer numbers, business IDs (also as VAT numbers)
/// and personal identity codes all contain at least six ASCII digits in a row; a phone number has
/// at least seven digits (a trunk `0` and six more, or seven after `+`); an e-mail address has an `@`.
struct CandidateProfile {
    /// The longest run of consecutive ASCII digits.
    private(set) var longestDigitRun = 0
    /// ASCII digits in all.
    private(set) var digitCount = 0
    private(set) var hasAtSign = false

    init(_ text: String) {
        var run = 0
        for byte in text.utf8 {
            if byte &- UInt8(ascii: "0") < 10 {
                run += 1
                digitCount += 1
                if run > longestDigitRun { longestDigitRun = run }
            } else {
                run = 0
                if byte == UInt8(ascii: "@") { hasAtSign = true }
            }
        }
    }

    /// Whether a customer number, business ID, VAT number or personal identity code may be written.
    var mayHoldRegisterIdentifier: Bool { longestDigitRun >= 6 }
    var mayHoldPhoneNumber: Bool { digitCount >= 7 }
    var mayHoldEmailAddress: Bool { hasAtSign }
}
