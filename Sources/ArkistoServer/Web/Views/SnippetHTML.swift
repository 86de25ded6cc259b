import Archive

/// A search snippet as HTML: the text escaped first, then the library's hit markers turned into
/// `<mark>` (always balanced); other control characters are dropped.
enum SnippetHTML {
    static func render(_ snippet: String) -> String {
        var html = ""
        var open = false
        for character in snippet {
            switch character {
            case Character(SearchHit.highlightStart):
                if !open { html += "<mark>" }
                open = true
            case Character(SearchHit.highlightEnd):
                if open { html += "</mark>" }
                open = false
            case "<": html += "&lt;"
            case ">": html += "&gt;"
            case "&": html += "&amp;"
            case "\"": html += "&quot;"
            case "'": html += "&#39;"
            case "\n", "\r\n", "\r", "\t": html += " "
            default:
                if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control }) {
                    html.append(character)
                }
            }
        }
        if open { html += "</mark>" }
        return html
    }
}
