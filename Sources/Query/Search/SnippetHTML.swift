import Archive

/// A search snippet as HTML: the text escaped first (``HTMLEscape``), then the library's hit
/// markers turned into `<tag>…</tag>` (always balanced); line breaks become spaces and other
/// control characters are dropped. The web page marks hits with `mark`, JSON with `b`.
public enum SnippetHTML {
    public static func render(_ snippet: String, tag: String = "mark") -> String {
        var html = ""
        var open = false
        var text = ""
        func flush() {
            html += HTMLEscape.text(text)
            text = ""
        }
        for character in snippet {
            switch character {
            case Character(SearchHit.highlightStart):
                flush()
                if !open { html += "<\(tag)>" }
                open = true
            case Character(SearchHit.highlightEnd):
                flush()
                if open { html += "</\(tag)>" }
                open = false
            case "\n", "\r\n", "\r", "\t":
                text.append(" ")
            default:
                if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control }) {
                    text.append(character)
                }
            }
        }
        flush()
        if open { html += "</\(tag)>" }
        return html
    }
}
