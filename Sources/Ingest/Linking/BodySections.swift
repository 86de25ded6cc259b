/// Who wrote each line of an e-mail or ticket comment body: the author (`own`), the author's
/// signature, or someone else (`quoted`: `>` lines, quoted replies, forwarded messages).
///
/// When unsure, text counts as quoted: a register identifier there is only weak evidence, which
/// reaches the privacy officer's review list rather than someone's report.
struct BodySections {
    enum Part: Equatable, Sendable {
        case own
        case signature
        case quoted
    }

    /// Consecutive lines of one part, joined with `\n`.
    struct Section: Equatable, Sendable {
        var part: Part
        var text: String
    }

    let sections: [Section]

    /// The signature may follow a closing by at most this many non-blank lines; a "Terveisin" with
    /// more text after it is not the end of the message.
    static let maximumSignatureLines = 15
    /// A signature recognised without a closing or delimiter has at most this many lines.
    static let maximumUnmarkedSignatureLines = 4

    init(body: String) {
        let lines = LineText.lines(of: body)
        let parts = Self.parts(of: lines)
        var sections: [Section] = []
        var first = 0
        for index in lines.indices where index + 1 == lines.count || parts[index + 1] != parts[index] {
            sections.append(Section(part: parts[index], text: Self.joined(lines[first...index], in: body)))
            first = index + 1
        }
        self.sections = sections
    }

    /// Consecutive lines of `body` joined with `\n`: a slice of the body itself when `\n` is what
    /// separates them there.
    private static func joined(_ lines: ArraySlice<Substring>, in body: String) -> String {
        guard let first = lines.first, let last = lines.last else { return "" }
        let utf8 = body.utf8
        let separatedByLineFeeds = zip(lines, lines.dropFirst()).allSatisfy { line, next in
            utf8.distance(from: line.endIndex, to: next.startIndex) == 1 && utf8[line.endIndex] == UInt8(ascii: "\n")
        }
        return separatedByLineFeeds ? String(body[first.startIndex..<last.endIndex]) : lines.joined(separator: "\n")
    }

    /// The author's own text: the lines that are neither quoted nor signature, without leading and
    /// trailing blank lines.
    var ownText: String {
        let own = sections.filter { $0.part == .own }.map(\.text).joined(separator: "\n")
        let lines = LineText.lines(of: own)
        guard let first = lines.firstIndex(where: { !LineText.isBlank($0) }),
              let last = lines.lastIndex(where: { !LineText.isBlank($0) }) else { return "" }
        return lines[first...last].joined(separator: "\n")
    }

    private static func parts(of lines: [Substring]) -> [Part] {
        var parts = [Part](repeating: .own, count: lines.count)
        let tail = quotedTailStart(in: lines, marking: &parts) ?? lines.count
        for index in tail..<lines.count { parts[index] = .quoted }
        for index in 0..<tail where QuoteMarkers.isQuotedLine(lines[index]) { parts[index] = .quoted }

        let ownLines = (0..<tail).filter { parts[$0] == .own }
        for index in signatureLines(in: lines, own: ownLines) { parts[index] = .signature }
        return parts
    }

    /// Where the rest of the body becomes someone else's: a separator, a header block, or an
    /// attribution not followed by `>` lines. An attribution followed by `>` lines is marked
    /// quoted on its own, since the author may answer below or between the quoted lines.
    private static func quotedTailStart(in lines: [Substring], marking parts: inout [Part]) -> Int? {
        for index in lines.indices where !QuoteMarkers.isQuotedLine(lines[index]) {
            let line = lines[index]
            if QuoteMarkers.isSeparator(line) { return index }
            if QuoteMarkers.startsHeaderBlock(at: index, in: lines) {
                let previous = lines[..<index].lastIndex { !LineText.isBlank($0) }
                if let previous, QuoteMarkers.isRule(lines[previous]) { return previous }
                return index
            }
            guard QuoteMarkers.isAttribution(line) else { continue }
            var start = index
            if index > 0, !LineText.isBlank(lines[index - 1]), !QuoteMarkers.opensAttribution(line),
               QuoteMarkers.opensAttribution(lines[index - 1]) {
                start = index - 1
            }
            let next = lines[(index + 1)...].first { !LineText.isBlank($0) }
            guard let next, QuoteMarkers.isQuotedLine(next) else { return start }
            for attribution in start...index { parts[attribution] = .quoted }
        }
        return nil
    }

    /// The lines of the signature among the author's own lines (in order).
    private static func signatureLines(in lines: [Substring], own: [Int]) -> ArraySlice<Int> {
        if let delimiter = own.firstIndex(where: { SignatureMarkers.isDelimiter(lines[$0]) }) {
            return own[delimiter...]
        }
        let closing = own.indices.first { position in
            SignatureMarkers.isClosing(lines[own[position]])
                && own[(position + 1)...].count(where: { !LineText.isBlank(lines[$0]) }) <= maximumSignatureLines
        }
        if let closing { return own[closing...] }
        return unmarkedSignature(in: lines, own: own)
    }

    /// A signature without closing: the last few own lines, each a name or a contact line, with
    /// some own text above them.
    private static func unmarkedSignature(in lines: [Substring], own: [Int]) -> ArraySlice<Int> {
        guard let lastText = own.lastIndex(where: { !LineText.isBlank(lines[$0]) }) else { return [] }
        var start = lastText + 1
        while start > own.startIndex, lastText - start + 1 < maximumUnmarkedSignatureLines {
            let line = lines[own[start - 1]]
            guard SignatureMarkers.isNameLine(line) || SignatureMarkers.isContactLine(line) else { break }
            start -= 1
        }
        let hasTextAbove = own[..<start].contains { !LineText.isBlank(lines[$0]) }
        guard start <= lastText, hasTextAbove else { return [] }
        return own[start...]
    }
}
