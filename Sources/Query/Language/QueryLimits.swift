/// How large a query may be. Each limit bounds work that grows with the query: the parser's
/// nesting (it recurses once per level), the SQL and FTS5 expressions built from the tree (SQLite
/// refuses expressions nested too deep), and the full-text work, which grows with the number of
/// words (FTS5 lines up every phrase's matches against every other's when it scores and
/// highlights a row). People write a handful of words and two or three levels of parentheses;
/// the defaults leave ample room for that and none for a query built to exhaust the server.
public struct QueryLimits: Sendable, Equatable {
    /// The longest query, in UTF-8 bytes.
    public var maxBytes: Int
    /// The deepest nesting of parentheses and negations (`(a (b -(c)))` nests 3 deep).
    public var maxDepth: Int
    /// The most search terms: every word (each word of a phrase and of an `=` form counts), every
    /// prefix and every field filter.
    public var maxTerms: Int
    /// The most prefix terms (`lasku*`): each one reads every indexed word that begins with it.
    public var maxPrefixes: Int

    public init(maxBytes: Int = 4_096, maxDepth: Int = 20, maxTerms: Int = 64, maxPrefixes: Int = 8) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxTerms = maxTerms
        self.maxPrefixes = maxPrefixes
    }

    public static let `default` = QueryLimits()
}

/// Which of the ``QueryLimits`` a refused query is over.
public enum QueryLimit: String, Sendable, Equatable {
    case length
    case depth
    case terms
    case prefixes
}
