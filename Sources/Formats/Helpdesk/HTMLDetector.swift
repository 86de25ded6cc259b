/// Tells whether text carries HTML markup: a tag of a known HTML element (`<p>`, `<br/>`, `</div>`,
/// `<a href=...>`), a comment or a doctype. Text that merely contains `<` (`a < b`, `<matti@x.fi>`,
/// `<3`) is not HTML, nor is text whose only markup is an entity.
public enum HTMLDetector {
    public static func containsMarkup(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if isMarkup(bytes, at: index) { return true }
            index += 1
        }
        return false
    }

    private static func isMarkup(_ bytes: [UInt8], at start: Int) -> Bool {
        var index = start + 1
        guard index < bytes.count else { return false }
        if bytes[index] == UInt8(ascii: "!") {
            let rest = bytes[(index + 1)...].prefix(7).map { lowercase($0) }
            return rest.starts(with: Array("--".utf8)) || rest.starts(with: Array("doctype".utf8))
        }
        if bytes[index] == UInt8(ascii: "/") { index += 1 }
        let nameStart = index
        while index < bytes.count, isASCIILetterOrDigit(bytes[index]), index - nameStart < 12 { index += 1 }
        guard index > nameStart else { return false }
        let name = String(decoding: bytes[nameStart..<index].map { lowercase($0) }, as: UTF8.self)
        guard elementNames.contains(name) else { return false }
        guard index < bytes.count else { return false }
        let next = bytes[index]
        return next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || next == 0x20 || next == 0x09 || next == 0x0A
            || next == 0x0D
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static let elementNames: Set<String> = [
        "a", "abbr", "address", "article", "aside", "b", "blockquote", "body", "br", "caption", "center", "code",
        "col", "colgroup", "dd", "del", "div", "dl", "dt", "em", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "head", "header", "hr", "html", "i", "img", "ins", "li", "link", "main", "meta", "nav", "ol", "p", "pre", "s",
        "section", "small", "span", "strike", "strong", "style", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "title", "tr", "tt", "u", "ul",
    ]
}
