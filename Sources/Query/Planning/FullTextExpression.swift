/// Builds FTS5 expressions from text terms. Every user word reaches FTS5 inside double quotes, so
/// nothing a user types is read as FTS5 syntax; the tokenizer then analyses the quoted text
/// (inflections, compounds and exact forms are its business, not the expression's).
enum FullTextExpression {
    /// Written before a word to ask the tokenizer for that written form only (`="laskusta"`).
    static let exactFormMarker = "="

    /// `text` as an FTS5 string: in double quotes, each `"` doubled. Quotes are found among the
    /// Unicode scalars, not the characters: a `"` followed by a combining mark is one character
    /// that is not `"`, yet FTS5 reads its quote.
    static func quoted(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append("\"")
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            if scalar == "\"" { scalars.append(scalar) }
        }
        scalars.append("\"")
        return String(scalars)
    }

    static func term(_ term: TextTerm) -> String {
        let expression: String
        switch term.form {
        case .word(let word): expression = quoted(word)
        case .phrase(let words): expression = quoted(words.joined(separator: " "))
        case .prefix(let prefix): expression = quoted(prefix) + " *"
        case .exact(let form):
            let words = form.split(whereSeparator: \.isWhitespace).map { exactFormMarker + $0 }
            expression = quoted(words.joined(separator: " "))
        }
        guard let column = term.column else { return expression }
        return "\(column.rawValue) : (\(expression))"
    }
}
