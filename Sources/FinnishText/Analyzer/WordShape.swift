/// What a folded word contains besides letters, which decides how it is analysed.
struct WordShape {
    var hasDigit = false
    var hasColon = false
    /// `.` or `@` inside the word: an e-mail address, a domain or a dotted abbreviation.
    var isDotted = false
    var hasAt = false

    init(_ folded: String) {
        for byte in folded.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): hasDigit = true
            case UInt8(ascii: ":"): hasColon = true
            case UInt8(ascii: "."): isDotted = true
            case UInt8(ascii: "@"): isDotted = true; hasAt = true
            default: break
            }
        }
    }

    /// Whether Voikko and the stemmer should see the word at all.
    var isMorphologicalWord: Bool { !hasDigit && !isDotted }
}
