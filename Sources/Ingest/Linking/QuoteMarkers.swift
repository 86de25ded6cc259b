/// Recognises the lines where quoted or forwarded text begins in an e-mail or ticket comment body,
/// in the forms Finnish, Swedish and English mail programs write.
enum QuoteMarkers {
    /// A line quoted with `>` (nested quotes and a few leading spaces included).
    static func isQuotedLine(_ line: Substring) -> Bool {
        line.prefix(4).drop(while: { $0 == " " }).first == ">"
    }

    /// Separator lines after which everything is someone else's message:
    /// `-----Original Message-----`, `---------- Forwarded message ---------`,
    /// `---------- Välitetty viesti ---------`, `-----Alkuperäinen viesti-----`, `Begin forwarded message:`.
    static func isSeparator(_ line: Substring) -> Bool {
        let core = LineText.trim(line, { "-_ :*\t".contains($0) }).lowercased()
        return separatorPhrases.contains(core)
    }

    private static let separatorPhrases: Set<String> = [
        "original message", "alkuperäinen viesti", "ursprungligt meddelande",
        "forwarded message", "välitetty viesti", "vidarebefordrat meddelande",
        "begin forwarded message", "välitetty viesti alkaa", "aloita välitetty viesti",
    ]

    /// An attribution line such as `Matti Virtanen <matti@example.fi> kirjoitti:`,
    /// `On Mon, 3 Mar 2025 at 10:12, Matti <matti@example.fi> wrote:` or `... skrev:`.
    static func isAttribution(_ line: Substring) -> Bool {
        let text = LineText.trimmed(line).lowercased()
        guard text.hasSuffix(":"), text.count <= 300 else { return false }
        let words = text.dropLast().split(whereSeparator: { $0.isWhitespace || $0 == ">" || $0 == ")" })
        return words.contains { attributionVerbs.contains(String($0)) }
    }

    private static let attributionVerbs: Set<String> = ["kirjoitti", "wrote", "skrev"]

    /// Whether a line reads like the start of an attribution that a mail program wrapped:
    /// `On Mon, ...`, `Den 3 mars ...`, `ma 3.3.2025 klo ...`, `3.3.2025 10.12 ...`.
    static func opensAttribution(_ line: Substring) -> Bool {
        let text = LineText.trimmed(line).lowercased()
        guard let first = text.split(separator: " ").first else { return false }
        return first.first?.isNumber == true || attributionOpeners.contains(String(first))
    }

    private static let attributionOpeners: Set<String> = [
        "on", "den", "am", "le", "ma", "ti", "ke", "to", "pe", "la", "su",
        "mon,", "tue,", "wed,", "thu,", "fri,", "sat,", "sun,",
    ]

    /// An Outlook-style header block starting at `index`: a `From:`/`Lähettäjä:`/`Lähetetty:`/`Sent:`
    /// line followed closely by at least one more header field (`To:`, `Aihe:`, `Skickat:`...).
    static func startsHeaderBlock(at index: Int, in lines: [Substring]) -> Bool {
        guard let first = headerName(of: lines[index]), openingHeaders.contains(first) else { return false }
        let following = lines[(index + 1)...].prefix(5).prefix(while: { !$0.allSatisfy(\.isWhitespace) })
        return following.contains { headerName(of: $0) != nil }
    }

    private static let openingHeaders: Set<String> = [
        "from", "lähettäjä", "från", "sent", "lähetetty", "skickat",
    ]

    private static let headerNames: Set<String> = [
        "from", "sent", "date", "to", "cc", "subject",
        "lähettäjä", "lähetetty", "päivämäärä", "päiväys", "vastaanottaja", "kopio", "aihe",
        "från", "skickat", "datum", "till", "kopia", "ämne",
    ]

    /// The lowercased field name when the line reads `Name: value` with a known header name.
    private static func headerName(of line: Substring) -> String? {
        let text = line.drop(while: { $0 == " " || $0 == "*" })
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = LineText.trim(text[..<colon], { $0 == " " || $0 == "*" }).lowercased()
        return headerNames.contains(name) ? name : nil
    }

    /// A horizontal rule Outlook draws above a header block (`________________`).
    static func isRule(_ line: Substring) -> Bool {
        let text = LineText.trimmed(line)
        return text.count >= 8 && text.allSatisfy { $0 == "_" || $0 == "-" }
    }
}

