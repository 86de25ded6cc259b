import FinnishText

/// Recognises where the author's signature begins: the `-- ` delimiter, a closing such as
/// `Ystävällisin terveisin` or `t. Pekka`, or, without either, a short tail of name and contact lines.
enum SignatureMarkers {
    /// The conventional `-- ` delimiter (also without the trailing space).
    static func isDelimiter(_ line: Substring) -> Bool {
        line == "-- " || line == "--"
    }

    /// A closing line: the phrase alone (`Terveisin`, `Ystävällisin terveisin,`) or followed by a
    /// short name on the same line (`t. Pekka`, `Terveisin Maija Virtanen`).
    static func isClosing(_ line: Substring) -> Bool {
        guard closingStarts.mayBegin(line, skipping: { LineText.isASCIIWhitespace($0) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "!") })
        else { return false }
        let text = LineText.trim(LineText.trimmed(line), { $0 == "," || $0 == "!" }).lowercased()
        for phrase in closingPhrases {
            if text == phrase { return true }
            guard text.hasPrefix(phrase + " ") else { continue }
            let rest = text.dropFirst(phrase.count + 1)
            if rest.count <= 40, !rest.contains(where: { "?!,;:".contains($0) }) { return true }
        }
        return false
    }

    private static let closingPhrases = [
        "ystävällisin terveisin", "ystävällisesti", "parhain terveisin", "terveisin", "terveisiä",
        "yst. terv.", "terv.", "t.", "t:",
        "med vänliga hälsningar", "med vänlig hälsning", "vänliga hälsningar", "hälsningar", "mvh",
        "best regards", "kind regards", "regards", "br",
    ]

    private static let closingStarts = PhraseStarts(closingPhrases)

    /// A line that is just a name: one to four capitalised words (`Pekka`, `Anna-Liisa K. Virtanen`,
    /// `Virtasen Rakennus Oy`).
    static func isNameLine(_ line: Substring) -> Bool {
        let words = LineText.trimmed(line).split(separator: " ")
        guard (1...4).contains(words.count), !isClosing(line) else { return false }
        return words.allSatisfy(isNameWord)
    }

    private static func isNameWord(_ word: Substring) -> Bool {
        guard let first = word.first, first.isUppercase, word.count <= 25 else { return false }
        return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." || $0 == "'" }
    }

    /// A contact line: a phone number or e-mail address with at most a label (`puh.`, `GSM`,
    /// `sähköposti:`) or a name around it — `puh. 040 123 4567`, `Pekka Virtanen, pekka@example.fi`.
    static func isContactLine(_ line: Substring) -> Bool {
        let text = String(LineText.trimmed(line))
        guard text.count <= 60, !text.contains(where: { $0 == "?" || $0 == "!" }) else { return false }
        let found = PhoneNumber.all(in: text).map(\.range) + EmailAddress.all(in: text).map(\.range)
        guard !found.isEmpty else { return false }
        var rest = ""
        var cursor = text.startIndex
        for range in found.sorted(by: { $0.lowerBound < $1.lowerBound }) where range.lowerBound >= cursor {
            rest += text[cursor..<range.lowerBound] + " "
            cursor = range.upperBound
        }
        rest += text[cursor...]
        let words = rest.split(whereSeparator: { $0.isWhitespace || ".,:;|/()".contains($0) })
        let unlabelled = words.filter { !contactLabels.contains($0.lowercased()) }
        return unlabelled.isEmpty || (unlabelled.count >= 2 && unlabelled.count <= 4 && unlabelled.allSatisfy(isNameWord))
    }

    private static let contactLabels: Set<String> = [
        "puh", "puhelin", "p", "tel", "gsm", "mob", "mobile", "matkapuh", "matkapuhelin", "phone",
        "telefon", "tfn", "fax", "faksi", "email", "e-mail", "sähköposti", "s-posti", "sposti", "mail",
        "e-post", "-",
    ]
}
