/// Whether a word as written has capital letters, which tells a common word from a name that
/// Voikko reads the same way once the word is folded (`päivien` days, `Päivien` also Päivi's).
enum LetterCase {
    /// Whether the UTF-8 word contains an upper-case or title-case letter.
    static func containsUppercase(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var hasNonASCII = false
        for byte in word {
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { return true }
            if byte >= 0x80 { hasNonASCII = true }
        }
        guard hasNonASCII else { return false }
        return String(decoding: word, as: UTF8.self).unicodeScalars.contains { $0.properties.changesWhenLowercased }
    }

    static func containsUppercase(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { containsUppercase($0) }
    }
}
