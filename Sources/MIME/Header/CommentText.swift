/// The text of header comments, for a display name given the RFC 822 way: `bbb@ddd.com (John X. Doe)`.
///
/// As Python's `email` package parses it (`email.policy.default`'s parse tree, whose comments
/// `email.utils.parseaddr` turns into the name): quoted pairs stand for their character, nested
/// comments keep their parentheses, several comments join with a space. Encoded words are decoded
/// (RFC 2047 §5 allows them in comments) and white space runs become one space, as in a phrase.
enum CommentText {
    /// The words of `comments` (each the bytes between a comment's outer parentheses), or "" when
    /// they hold none.
    static func text(of comments: [ArraySlice<UInt8>], defects: inout [Defect]) -> String {
        var bytes: [UInt8] = []
        for comment in comments {
            bytes.append(ASCIIByte.space)
            var escaped = false
            for byte in comment {
                if escaped {
                    bytes.append(byte)
                    escaped = false
                } else if byte == ASCIIByte.backslash {
                    escaped = true
                } else {
                    bytes.append(byte)
                }
            }
        }
        let decoded = EncodedWords.decode(String(decoding: bytes, as: UTF8.self))
        defects.append(contentsOf: decoded.defects)
        return decoded.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
