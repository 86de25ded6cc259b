/// Recognises the lines where quoted or forwarded text begins in an e-mail or ticket comment body,
/// in the forms Finnish, Swedish and English mail programs write.
enum QuoteMarkers {
    /// A line quoted with `>` (nested quotes and a few leading spaces included).
    static func isQuotedLine(_ line: Substring) -> Bool {
        // Plain ASCII at the start (the usual case) is read byte by byte: each byte is a character.
        let head = line.utf8.prefix(5)
        if !head.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }) {
            return head.prefix(4).drop(while: { $0 == UInt8(ascii: " ") }).first == UInt8(ascii: ">")
        }
        return line.prefix(4).drop(while: { $0 == " " }).first == ">"
    }

    /// Separator lines after which everything is someone else's message:
    /// `-----Original Message-----`, `---------- Forwarded message ---------`,
    /// `---------- Välitetty viesti ---------`, `-----Alkuperäinen viesti-----`, `Begin forwarded message:`.
    static func isSeparator(_ line: Substring) -> Bool {
        guard separatorStarts.mayBegin(line, skipping: { "-_ :*\t".utf8.contains($0) }) else { return false }
        let core = LineText.trim(line, { "-_ :*\t".contains($0) }).lowercased()
        return separatorPhrases.contains(core)
    }

    private static let separatorPhrases: Set<String> = [
        "original message", "alkuperäinen viesti", "ursprungligt meddelande",
        "forwarded message", "välitetty viesti", "vidarebefordrat meddelande",
        "begin forwarded message", "välitetty viesti alkaa", "aloita välitetty viesti",
    ]

    private static let separatorStarts = PhraseStarts(separatorPhrases)

    /// An attribution line such as `Matti Virtanen <matti@example.fi> kirjoitti:`,
    /// `On Mon, 3 Mar 2025 at 10:12, Matti <matti@example.fi> wrote:` or `... skrev:`.
    static func isAttribution(_ line: Substring) -> Bool {
        // Most lines end in something other than a colon: a last ASCII byte other than `:` (before
        // ASCII whitespace) ends the last character, which is then no colon.
        let last = line.utf8.reversed().first { !LineText.isASCIIWhitespace($0) }
        guard let last, last == UInt8(ascii: ":") || last >= 0x80 else { return false }
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

    private static let headerStarts = PhraseStarts(headerNames)

    /// The lowercased field name when the line reads `Name: value` with a known header name.
    private static func headerName(of line: Substring) -> String? {
        guard line.utf8.contains(UInt8(ascii: ":")),
              headerStarts.mayBegin(line, skipping: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "*") }) else { return nil }
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

