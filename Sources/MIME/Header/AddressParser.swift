/// Reads address lists (RFC 5322 §3.4): mailboxes with or without display names, groups (flattened
/// into their members), comments, quoted strings, encoded words in names (also inside quoted strings,
/// as real mail has them), obsolete routes and empty list elements. A bare addr-spec with a comment
/// takes its name from the comment (`bbb@ddd.com (John X. Doe)`, RFC 822's way, still common in
/// bounces and older mailers), as Python's `email.utils.parseaddr` does; beside a phrase or an
/// angle-addr a comment is only a comment.
enum AddressParser {
    struct Result {
        var addresses: [MailAddress]
        var defects: [Defect]
    }

    static func parse(_ value: String) -> Result {
        var defects: [Defect] = []
        var unterminated = false
        let tokens = StructuredTokenizer.tokenize(Array(value.utf8), unterminated: &unterminated)
        if unterminated { defects.append(Defect(.malformedAddress, "unterminated quoted string or comment")) }

        var addresses: [MailAddress] = []
        var current: [StructuredTokenizer.Token] = []
        var inGroup = false
        var openAngle: Int? = nil  // index in `current` of the unclosed "<"

        func flush() {
            if let address = mailbox(current, defects: &defects) { addresses.append(address) }
            current.removeAll(keepingCapacity: true)
            openAngle = nil
        }

        for token in tokens {
            guard case .special(let special) = token.kind else {
                current.append(token)
                continue
            }
            switch special {
            case ASCIIByte.lessThan:
                if openAngle == nil { openAngle = current.count }
                current.append(token)
            case ASCIIByte.greaterThan:
                openAngle = nil
                current.append(token)
            case ASCIIByte.comma:
                if let angle = openAngle, isInRoute(current[(angle + 1)...]) {
                    current.append(token)
                } else {
                    flush()
                }
            case ASCIIByte.colon:
                if let angle = openAngle, isInRoute(current[(angle + 1)...]) {
                    current.append(token)
                } else if openAngle == nil && !inGroup && !current.contains(where: { isSpecial($0, ASCIIByte.at) }) {
                    // "display-name:" opens a group; its name is not an address.
                    current.removeAll(keepingCapacity: true)
                    inGroup = true
                } else {
                    current.append(token)
                }
            case ASCIIByte.semicolon:
                flush()
                inGroup = false
            default:
                current.append(token)
            }
        }
        flush()
        return Result(addresses: addresses, defects: defects)
    }

    /// Whether tokens after "<" are an obsolete route still waiting for its ":" (`@a,@b:`).
    private static func isInRoute(_ tokens: ArraySlice<StructuredTokenizer.Token>) -> Bool {
        guard let first = tokens.first, isSpecial(first, ASCIIByte.at) else { return false }
        return !tokens.contains { isSpecial($0, ASCIIByte.colon) }
    }

    private static func isSpecial(_ token: StructuredTokenizer.Token, _ byte: UInt8) -> Bool {
        token.kind == .special(byte)
    }

    private static func mailbox(_ tokens: [StructuredTokenizer.Token], defects: inout [Defect]) -> MailAddress? {
        if tokens.isEmpty { return nil }
        guard let open = tokens.firstIndex(where: { isSpecial($0, ASCIIByte.lessThan) }) else {
            let spec = addrSpec(tokens[...])
            if spec.isEmpty { return nil }
            if !spec.utf8.contains(ASCIIByte.at) {
                defects.append(Defect(.malformedAddress, "address without a domain"))
            }
            let comments = tokens.filter { $0.kind == .comment }.map(\.bytes)
            let name = comments.isEmpty ? "" : CommentText.text(of: comments, defects: &defects)
            return MailAddress(name: name.isEmpty ? nil : name, address: spec)
        }
        var close = tokens[(open + 1)...].firstIndex { isSpecial($0, ASCIIByte.greaterThan) }
        if close == nil {
            defects.append(Defect(.malformedAddress, "missing \">\""))
            close = tokens.endIndex
        }
        var inner = tokens[(open + 1)..<(close ?? tokens.endIndex)]
        // Obsolete route: "@host1,@host2:" before the addr-spec.
        if let first = inner.first, isSpecial(first, ASCIIByte.at),
            let colon = inner.firstIndex(where: { isSpecial($0, ASCIIByte.colon) })
        {
            inner = inner[(colon + 1)...]
        }
        let name = phrase(tokens[..<open], defects: &defects)
        return MailAddress(name: name.isEmpty ? nil : name, address: addrSpec(inner))
    }

    /// The addr-spec as written without white space or comments; a quoted local part keeps its quotes
    /// only when it needs them. Words of a local part that white space separates (no dot between)
    /// stay apart and are quoted, as Python reads them: list archives write `user at example.com`.
    private static func addrSpec(_ tokens: ArraySlice<StructuredTokenizer.Token>) -> String {
        var local: [UInt8] = []
        var domain: [UInt8]? = nil
        var needsQuotes = false
        var previousWord: ArraySlice<UInt8>? = nil
        for token in tokens {
            switch token.kind {
            case .atom, .domainLiteral, .quotedString:
                if domain != nil {
                    domain?.append(contentsOf: token.bytes)
                    continue
                }
                if let previous = previousWord, token.spaceBefore, previous.last != ASCIIByte.dot,
                    token.bytes.first != ASCIIByte.dot
                {
                    local.append(ASCIIByte.space)
                    needsQuotes = true
                }
                if token.kind == .quotedString && (token.bytes.isEmpty || !token.bytes.allSatisfy(isDotAtomByte)) {
                    needsQuotes = true
                }
                local.append(contentsOf: token.bytes)
                previousWord = token.bytes
            case .special(let byte):
                if byte == ASCIIByte.at {
                    if domain == nil { domain = [] } else { domain?.append(byte) }
                }
                previousWord = nil
            case .comment:
                break
            }
        }
        var bytes: [UInt8] = []
        if needsQuotes {
            bytes.append(ASCIIByte.quote)
            for byte in local {
                if byte == ASCIIByte.quote || byte == ASCIIByte.backslash { bytes.append(ASCIIByte.backslash) }
                bytes.append(byte)
            }
            bytes.append(ASCIIByte.quote)
        } else {
            bytes = local
        }
        if let domain {
            bytes.append(ASCIIByte.at)
            bytes.append(contentsOf: domain)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isDotAtomByte(_ byte: UInt8) -> Bool {
        if byte >= 0x80 { return true }
        if ASCIIByte.isLetter(byte) || ASCIIByte.isDigit(byte) { return true }
        return "!#$%&'*+-/=?^_`{|}~.".utf8.contains(byte)
    }

    /// A display name: words joined by single spaces, comments left out, encoded words decoded
    /// (adjacent ones joined without the space between them, as one run when they share a charset).
    static func phrase(_ tokens: ArraySlice<StructuredTokenizer.Token>, defects: inout [Defect]) -> String {
        var text: [UInt8] = []
        for token in tokens where token.kind != .comment {
            if !text.isEmpty && token.spaceBefore { text.append(ASCIIByte.space) }
            text.append(contentsOf: token.bytes)
        }
        let decoded = EncodedWords.decode(String(decoding: text, as: UTF8.self))
        defects.append(contentsOf: decoded.defects)
        return decoded.text
    }
}
