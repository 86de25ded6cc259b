/// Splits a structured header value (RFC 5322 §3.2) into tokens: atoms, quoted strings, domain
/// literals, specials and comments, remembering where white space or a comment separated tokens.
struct StructuredTokenizer {
    enum Kind: Equatable {
        case atom
        case quotedString
        case domainLiteral
        /// One special character: `<` `>` `@` `,` `;` `:` `.` and any other of `()[]\"`.
        case special(UInt8)
        /// A comment: its bytes are those between the outer parentheses, as written (nested comments
        /// and quoted pairs included; see ``CommentText``).
        case comment
    }

    struct Token {
        var kind: Kind
        /// The token's bytes: the unescaped contents for a quoted string, the text otherwise.
        var bytes: ArraySlice<UInt8>
        /// Whether white space or a comment came before it.
        var spaceBefore: Bool
    }

    /// Tokens of `value`; an unterminated quoted string, comment or literal runs to the end.
    static func tokenize(_ value: [UInt8], unterminated: inout Bool) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        let end = value.count
        var spaceBefore = false
        while index < end {
            let byte = value[index]
            if ASCIIByte.isWhitespace(byte) {
                spaceBefore = true
                index += 1
                continue
            }
            switch byte {
            case ASCIIByte.openParen:
                let start = index
                let extent = value.commentExtent(startingAt: start)
                index = extent.next
                if !extent.closed { unterminated = true }
                let contentEnd = extent.closed ? index - 1 : index
                tokens.append(Token(kind: .comment, bytes: value[(start + 1)..<contentEnd], spaceBefore: spaceBefore))
                // What follows a comment is separated from what precedes it, as by white space.
                spaceBefore = true
                continue
            case ASCIIByte.quote:
                var contents: [UInt8] = []
                index += 1
                var closed = false
                while index < end {
                    let inner = value[index]
                    if inner == ASCIIByte.backslash && index + 1 < end {
                        contents.append(value[index + 1])
                        index += 2
                        continue
                    }
                    index += 1
                    if inner == ASCIIByte.quote {
                        closed = true
                        break
                    }
                    if inner != ASCIIByte.cr && inner != ASCIIByte.lf { contents.append(inner) }
                }
                if !closed { unterminated = true }
                tokens.append(Token(kind: .quotedString, bytes: contents[...], spaceBefore: spaceBefore))
            case ASCIIByte.openBracket:
                let start = index
                while index < end && value[index] != ASCIIByte.closeBracket { index += 1 }
                if index < end { index += 1 } else { unterminated = true }
                tokens.append(Token(kind: .domainLiteral, bytes: value[start..<index], spaceBefore: spaceBefore))
            default:
                if isSpecial(byte) {
                    tokens.append(Token(kind: .special(byte), bytes: value[index..<index + 1], spaceBefore: spaceBefore))
                    index += 1
                } else {
                    let start = index
                    while index < end && !isSpecial(value[index]) && !ASCIIByte.isWhitespace(value[index]) {
                        index += 1
                    }
                    tokens.append(Token(kind: .atom, bytes: value[start..<index], spaceBefore: spaceBefore))
                }
            }
            spaceBefore = false
        }
        return tokens
    }

    /// RFC 5322 specials. Other bytes, 8-bit ones included (RFC 6532), can be part of an atom. The
    /// dot is kept inside atoms (obsolete phrases and dot-atoms read the same) but splits addresses.
    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case ASCIIByte.lessThan, ASCIIByte.greaterThan, ASCIIByte.at, ASCIIByte.comma, ASCIIByte.semicolon,
            ASCIIByte.colon, ASCIIByte.openParen, ASCIIByte.closeParen, ASCIIByte.openBracket,
            ASCIIByte.closeBracket, ASCIIByte.quote, ASCIIByte.backslash:
            return true
        default:
            return byte < 0x20 || byte == 0x7F
        }
    }
}
