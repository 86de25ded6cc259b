/// What the query being parsed has used of its ``QueryLimits``: the nesting around the current
/// token, the terms and the prefixes so far. Each step that would go over a limit is refused with
/// a ``QuerySyntaxError`` at the token that goes over it, before the parser does the step.
struct QueryBudget {
    let limits: QueryLimits
    let query: String
    /// How many parentheses and negations enclose the current token.
    private(set) var depth = 0
    private var terms = 0
    private var prefixes = 0

    init(limits: QueryLimits, query: String) {
        self.limits = limits
        self.query = query
    }

    /// One level deeper (a parenthesis or a negation at `position`).
    mutating func enter(at position: Int) throws(QuerySyntaxError) {
        guard depth < limits.maxDepth else {
            throw refusal("parentheses and exclusions nest deeper than \(limits.maxDepth) levels", position, .depth)
        }
        depth += 1
    }

    mutating func leave() {
        depth -= 1
    }

    /// Counts a text term: one per word (of a phrase or an `=` form too); a prefix also counts as one.
    mutating func spend(on term: TextTerm, at position: Int) throws(QuerySyntaxError) -> TextTerm {
        switch term.form {
        case .word: try spend(words: 1, at: position)
        case .phrase(let words): try spend(words: words.count, at: position)
        case .exact(let form): try spend(words: form.split(whereSeparator: \.isWhitespace).count, at: position)
        case .prefix:
            guard prefixes < limits.maxPrefixes else {
                throw refusal("the query has more than \(limits.maxPrefixes) prefix terms (word*)", position, .prefixes)
            }
            prefixes += 1
            try spend(words: 1, at: position)
        }
        return term
    }

    /// Counts a field filter (`from:`, `kind:` and the like) as one term.
    mutating func spendOnFilter(at position: Int) throws(QuerySyntaxError) {
        try spend(words: 1, at: position)
    }

    private mutating func spend(words: Int, at position: Int) throws(QuerySyntaxError) {
        terms += max(words, 1)
        guard terms <= limits.maxTerms else {
            throw refusal("the query has more than \(limits.maxTerms) search terms (words and filters)", position, .terms)
        }
    }

    private func refusal(_ message: String, _ position: Int, _ limit: QueryLimit) -> QuerySyntaxError {
        QuerySyntaxError(message: message, position: position, query: query, limit: limit)
    }
}
