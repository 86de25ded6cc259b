/// Message identifiers of `Message-ID`, `In-Reply-To` and `References` (RFC 5322 §3.6.4).
enum MessageIDs {
    /// Every `<id>` in `value`, in order, without the angle brackets and without white space inside.
    /// A value with no brackets at all yields its white-space separated words (real mail omits them).
    static func all(in value: String) -> [String] {
        var ids: [String] = []
        let bytes = Array(value.utf8)
        var index = 0
        var sawBracket = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCIIByte.openParen {
                index = bytes.indexAfterComment(startingAt: index)
                continue
            }
            if byte == ASCIIByte.quote {
                // A quoted phrase ("Your message of ...") may hold brackets that are not an id.
                index += 1
                while index < bytes.count && bytes[index] != ASCIIByte.quote {
                    if bytes[index] == ASCIIByte.backslash { index += 1 }
                    index += 1
                }
                index += 1
                continue
            }
            if byte == ASCIIByte.lessThan {
                sawBracket = true
                let start = index + 1
                var end = start
                while end < bytes.count && bytes[end] != ASCIIByte.greaterThan && bytes[end] != ASCIIByte.lessThan {
                    end += 1
                }
                let id = bytes[start..<end].filter { !ASCIIByte.isWhitespace($0) }
                if !id.isEmpty { ids.append(String(decoding: id, as: UTF8.self)) }
                index = end < bytes.count && bytes[end] == ASCIIByte.greaterThan ? end + 1 : end
                continue
            }
            index += 1
        }
        if !sawBracket {
            ids = value.utf8.split(whereSeparator: ASCIIByte.isWhitespace).map { String(decoding: $0, as: UTF8.self) }
        }
        return ids
    }

    /// The first id of `value`, or nil.
    static func first(in value: String) -> String? {
        all(in: value).first
    }
}
