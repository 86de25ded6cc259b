/// The terms of one interaction as a PostgreSQL `tsvector` literal: each lexeme with its positions
/// and the weight of the column it stands in.
///
/// Positions follow the FTS5 token stream: a term colocated with the previous one shares its
/// position, so `(a | b) <-> c` finds a phrase the way FTS5's colocated synonyms do. Columns are
/// numbered on from one another with a gap of one position, so no phrase spans two columns (FTS5
/// phrases never do). PostgreSQL's own limits are kept and counted rather than hit:
/// positions above 16,383 become 16,383, a lexeme keeps at most 256 positions, and a lexeme longer
/// than 2,047 bytes is left out.
struct WeightedTerms {
    static let maximumPosition = 16_383
    static let maximumPositionsPerLexeme = 256
    static let maximumLexemeBytes = 2_047

    struct Limits {
        var clampedPositions = 0
        var droppedPositions = 0
        var droppedLexemes = 0
    }

    private var positions: [String: [(position: Int, weight: Character)]] = [:]
    private var position = 0
    private(set) var termCount = 0
    private(set) var limits = Limits()

    /// Adds one column's terms in stream order.
    mutating func add(column terms: [(term: String, colocated: Bool)], weight: Character) {
        guard !terms.isEmpty else { return }
        position += 1  // the gap before a column (also makes the first position 1)
        var first = true
        for (term, colocated) in terms {
            if !colocated || first { position += 1 }
            first = false
            termCount += 1
            guard term.utf8.count <= Self.maximumLexemeBytes else {
                limits.droppedLexemes += 1
                continue
            }
            let clamped = min(position, Self.maximumPosition)
            if clamped < position { limits.clampedPositions += 1 }
            var list = positions[term, default: []]
            if list.last?.position == clamped { continue }
            guard list.count < Self.maximumPositionsPerLexeme else {
                limits.droppedPositions += 1
                continue
            }
            list.append((clamped, weight))
            positions[term] = list
        }
    }

    /// `'lexeme':1A,4A 'other':2C …`, quotes and backslashes in lexemes escaped for `tsvector`
    /// input.
    var literal: String {
        var out = ""
        out.reserveCapacity(termCount * 12)
        for (lexeme, list) in positions {
            if !out.isEmpty { out.append(" ") }
            out.append("'")
            for character in lexeme {
                if character == "'" || character == "\\" { out.append(character) }
                out.append(character)
            }
            out.append("':")
            for (index, entry) in list.enumerated() {
                if index > 0 { out.append(",") }
                out.append(String(entry.position))
                out.append(entry.weight)
            }
        }
        return out
    }
}
