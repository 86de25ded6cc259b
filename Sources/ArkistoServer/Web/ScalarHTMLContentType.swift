import Mustache
import Query

/// The pages' escaping of `{{value}}`: HTML escaping by Unicode scalars.
///
/// swift-mustache's own HTML escaping compares whole characters, so a `"` followed by a combining
/// mark (one character that is not `"`) passes unescaped, while a browser ends the attribute value
/// at that quote: `/search?q=%22%CC%81%20autofocus%20onfocus%3D…` would add attributes to the
/// search box. Every template is registered behind ``pragma``, which selects this content type.
struct ScalarHTMLContentType: MustacheContentType {
    static let name = "ARKISTO_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    func escapeText(_ text: String) -> String {
        HTMLEscape.text(text)
    }
}
