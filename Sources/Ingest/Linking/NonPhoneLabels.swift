/// Labels after which a number is an invoice, reference, order or account number, not a phone:
/// `Laskun numero 0401234567`, `viitenumero 00123 45678`, `tilausnro: 0301234567`.
enum NonPhoneLabels {
    /// Whether the word before `range` on the same line (skipping `nro`, `numero`, `on`...) is such
    /// a label.
    static func precede(_ range: Range<String.Index>, in text: String) -> Bool {
        let before = text[..<range.lowerBound]
        let lineStart = before.lastIndex(where: \.isNewline).map { text.index(after: $0) } ?? text.startIndex
        let words = text[lineStart..<range.lowerBound]
            .split(whereSeparator: { $0.isWhitespace || ":#.,()".contains($0) })
            .map { $0.lowercased() }
        guard let label = words.last(where: { !fillers.contains($0) }) else { return false }
        return labelStems.contains { label.hasPrefix($0) }
    }

    private static let fillers: Set<String> = ["nro", "no", "numero", "number", "nummer", "on", "oli", "is", "är"]

    private static let labelStems = [
        "lasku", "viite", "tilaus", "sopimus", "tiketti", "tapaus", "kuitti", "tosite", "tili", "iban",
        "invoice", "order", "ref", "ticket", "account", "faktura", "referens", "konto", "kvitto",
    ]
}
