/// The tokens of the query language, each with its position in the query (in characters).
struct QueryToken: Equatable {
    enum Kind: Equatable {
        case word(String)
        case phrase(String)
        case exact(String)
        case field(name: String, value: String, quoted: Bool)
        /// A field name with a parenthesis straight after its colon (`body:(lasku OR hyvitys)`):
        /// the group that follows is the field's value.
        case fieldGroup(name: String)
        case or
        case not
        case open
        case close
    }

    var kind: Kind
    var position: Int
}

/// Splits a query into tokens. Field names are recognised only from a fixed list, so words that
/// contain a colon (`EU:n`, `SMS:llä`, `klo 12:30`) stay words.
struct QueryLexer {
    static let fieldNames: Set<String> = [
        "from", "to", "subject", "body", "attachment", "filename", "customer", "kind", "is", "has", "date", "tag",
    ]

    private let characters: [Character]
    private let query: String
    private var index = 0

    init(_ query: String) {
        self.query = query
        // Control characters (NUL among them) can only be noise in a query: read them as spaces.
        characters = query.map { character in
            character.unicodeScalars.contains { $0.properties.generalCategory == .control } ? " " : character
        }
    }

    mutating func tokens() throws(QuerySyntaxError) -> [QueryToken] {
        var tokens: [QueryToken] = []
        while true {
            skipWhitespace()
            guard index < characters.count else { return tokens }
            let start = index
            let character = characters[index]
            switch character {
            case "(":
                index += 1
                tokens.append(QueryToken(kind: .open, position: start))
            case ")":
                index += 1
                tokens.append(QueryToken(kind: .close, position: start))
            case "-" where index + 1 < characters.count && !characters[index + 1].isWhitespace:
                index += 1
                tokens.append(QueryToken(kind: .not, position: start))
            case "\"":
                tokens.append(QueryToken(kind: .phrase(try quoted()), position: start))
            case "=" where index + 1 < characters.count && !characters[index + 1].isWhitespace:
                index += 1
                let value = characters[index] == "\"" ? try quoted() : bareWord()
                tokens.append(QueryToken(kind: .exact(value), position: start))
            default:
                let token = try wordOrField(start: start)
                // `AND` is what adjacency means already.
                if token.kind != .word("AND") { tokens.append(token) }
            }
        }
    }

    private mutating func wordOrField(start: Int) throws(QuerySyntaxError) -> QueryToken {
        let word = bareWord()
        if word == "OR" || word == "|" { return QueryToken(kind: .or, position: start) }
        if word == "NOT" { return QueryToken(kind: .not, position: start) }
        if let colon = word.firstIndex(of: ":") {
            let name = word[..<colon].lowercased()
            if Self.fieldNames.contains(name) {
                let rest = String(word[word.index(after: colon)...])
                let next = index < characters.count ? characters[index] : nil
                // `subject:"laskun eräpäivä"`: the quoted value follows the colon directly.
                if rest.isEmpty && next == "\"" {
                    return QueryToken(kind: .field(name: name, value: try quoted(), quoted: true), position: start)
                }
                // `body:="laskusta"`: an exact form, quoted.
                if rest == FullTextExpression.exactFormMarker && next == "\"" {
                    return QueryToken(kind: .field(name: name, value: rest + (try quoted()), quoted: false), position: start)
                }
                if rest.isEmpty && next == "(" {
                    return QueryToken(kind: .fieldGroup(name: name), position: start)
                }
                guard !rest.isEmpty else {
                    throw QuerySyntaxError(message: "\(name): needs a value", position: start, query: query)
                }
                return QueryToken(kind: .field(name: name, value: rest, quoted: false), position: start)
            }
        }
        return QueryToken(kind: .word(word), position: start)
    }

    /// A run of characters up to white space, a parenthesis or a quote.
    private mutating func bareWord() -> String {
        let start = index
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace || character == "(" || character == ")" || character == "\"" { break }
            index += 1
        }
        return String(characters[start..<index])
    }

    /// A double-quoted string starting at the current index; `""` inside stands for one quote.
    private mutating func quoted() throws(QuerySyntaxError) -> String {
        let opening = index
        index += 1
        var value = ""
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == "\"" {
                if index < characters.count && characters[index] == "\"" {
                    value.append("\"")
                    index += 1
                    continue
                }
                return value
            }
            value.append(character)
        }
        throw QuerySyntaxError(message: "unclosed quote", position: opening, query: query)
    }

    private mutating func skipWhitespace() {
        while index < characters.count && characters[index].isWhitespace { index += 1 }
    }
}
