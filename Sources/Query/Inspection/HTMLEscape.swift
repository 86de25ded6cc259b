/// Escaping for HTML text and attribute values: everything that reaches the page passes here.
public enum HTMLEscape {
    /// Works on Unicode scalars, not characters: a `"` followed by a combining mark is one
    /// character that is not `"`, yet a browser ends the attribute value at its quote.
    public static func text(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

/// A page built from escaped pieces.
struct HTMLPage {
    private(set) var html = ""

    /// Markup written by the program itself (never data).
    mutating func raw(_ markup: String) {
        html += markup
    }

    /// An element holding escaped text.
    mutating func element(_ tag: String, _ text: String, class className: String? = nil) {
        html += "<\(tag)\(className.map { " class=\"\($0)\"" } ?? "")>" + HTMLEscape.text(text) + "</\(tag)>\n"
    }

    /// A two-column table row: a label and escaped text.
    mutating func row(_ label: String, _ value: String) {
        html += "<tr><th>" + HTMLEscape.text(label) + "</th><td>" + HTMLEscape.text(value) + "</td></tr>\n"
    }

    mutating func list(_ items: [String]) {
        html += "<ul>\n" + items.map { "<li>" + HTMLEscape.text($0) + "</li>\n" }.joined() + "</ul>\n"
    }

    /// A link to a file of the report folder.
    mutating func link(_ text: String, to path: String) {
        html += "<a href=\"" + HTMLEscape.text(path) + "\">" + HTMLEscape.text(text) + "</a>"
    }
}
