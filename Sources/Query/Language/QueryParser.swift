import Archive
import Foundation

/// Reads the query language of DESIGN.md into a ``QueryNode`` tree:
///
///     word  "a phrase"  prefix*  ="exact form"  -excluded  NOT x  a OR b  ( ... )
///     subject:  body:  from:  to:  customer:  kind:email|ticket|call  is:complaint
///     is:inspection  has:attachment  tag:reklamaatio  date:2025  date:2025-03
///     date:2025-01-01..2025-03-31
///
/// `subject:` and `body:` limit a text term to that column (a word, "phrase", prefix* or
/// ="exact form"); `from:` and `to:` (to or cc) match a participant of that role by address,
/// domain (`@example.fi`) or the beginning of an address or of a word of the name. All four take
/// a group too, which applies the field to every term inside: `body:(lasku OR hyvitys)`,
/// `from:(maija OR matti)`.
///
/// Words next to each other must all match. Any malformed query, and any query over one of the
/// ``QueryLimits``, gets a ``QuerySyntaxError`` pointing at the offending position. The parser
/// recurses once per level of nesting, so the depth limit bounds its stack, whatever the input.
public struct QueryParser: Sendable {
    /// The shortest prefix accepted before `*` (shorter ones match most of the archive).
    public static let minimumPrefixLength = 2

    public var limits: QueryLimits

    public init(limits: QueryLimits = .default) {
        self.limits = limits
    }

    public func parse(_ query: String) throws(QuerySyntaxError) -> QueryNode {
        try checkLength(query)
        var lexer = QueryLexer(query)
        var reader = TokenReader(tokens: try lexer.tokens(), query: query, limits: limits)
        guard !reader.atEnd else {
            throw QuerySyntaxError(message: "the query is empty", position: 0, query: query)
        }
        let node = try reader.orExpression()
        if let token = reader.peek {
            throw QuerySyntaxError(
                message: token.kind == .close ? "unmatched closing parenthesis" : "unexpected input",
                position: token.position, query: query)
        }
        return node
    }

    /// Refuses a query longer than ``QueryLimits/maxBytes``, pointing at the first character past it.
    private func checkLength(_ query: String) throws(QuerySyntaxError) {
        let bytes = query.utf8.count
        guard bytes > limits.maxBytes else { return }
        var position = 0
        var used = 0
        for character in query {
            used += character.utf8.count
            if used > limits.maxBytes { break }
            position += 1
        }
        throw QuerySyntaxError(
            message: "the query is \(bytes) bytes long; at most \(limits.maxBytes) are allowed",
            position: position, query: query, limit: .length)
    }
}

/// Reads the tokens of one query by recursive descent, spending its ``QueryBudget`` as it goes.
struct TokenReader {
    let tokens: [QueryToken]
    let query: String
    var budget: QueryBudget
    var index = 0

    init(tokens: [QueryToken], query: String, limits: QueryLimits) {
        self.tokens = tokens
        self.query = query
        budget = QueryBudget(limits: limits, query: query)
    }

    var atEnd: Bool { index >= tokens.count }
    var peek: QueryToken? { atEnd ? nil : tokens[index] }

    func error(_ message: String, at position: Int? = nil) -> QuerySyntaxError {
        QuerySyntaxError(message: message, position: position ?? peek?.position ?? query.count, query: query)
    }

    mutating func orExpression() throws(QuerySyntaxError) -> QueryNode {
        var alternatives = [try andExpression()]
        while let token = peek, token.kind == .or {
            index += 1
            guard let next = peek, next.kind != .close, next.kind != .or else {
                throw error("OR needs a term after it", at: token.position)
            }
            alternatives.append(try andExpression())
        }
        return alternatives.count == 1 ? alternatives[0] : .or(alternatives)
    }

    mutating func andExpression() throws(QuerySyntaxError) -> QueryNode {
        var terms: [QueryNode] = []
        while let token = peek, token.kind != .or, token.kind != .close {
            terms.append(try unary())
        }
        guard !terms.isEmpty else {
            if let token = peek, token.kind == .or { throw error("OR needs a term before it") }
            throw error("expected a term")
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    mutating func unary() throws(QuerySyntaxError) -> QueryNode {
        guard let token = peek else { throw error("expected a term") }
        if token.kind == .not {
            index += 1
            guard let next = peek, next.kind != .or, next.kind != .close else {
                throw error("nothing to exclude after '-'", at: token.position)
            }
            try budget.enter(at: token.position)
            let inner = try unary()
            budget.leave()
            return .not(inner)
        }
        return try primary()
    }

    mutating func primary() throws(QuerySyntaxError) -> QueryNode {
        guard let token = peek else { throw error("expected a term") }
        index += 1
        switch token.kind {
        case .open:
            if let next = peek, next.kind == .close {
                throw error("empty parentheses", at: token.position)
            }
            guard !atEnd else { throw error("unclosed parenthesis", at: token.position) }
            try budget.enter(at: token.position)
            let inner = try orExpression()
            guard let close = peek, close.kind == .close else {
                throw error("unclosed parenthesis", at: token.position)
            }
            _ = close
            index += 1
            budget.leave()
            return inner
        case .close:
            throw error("unmatched closing parenthesis", at: token.position)
        case .or, .not:
            throw error("expected a term", at: token.position)
        case .word(let word):
            return .text(try budget.spend(on: try textTerm(word: word, position: token.position, column: nil), at: token.position))
        case .phrase(let phrase):
            return .text(try budget.spend(on: try phraseTerm(phrase, position: token.position, column: nil), at: token.position))
        case .exact(let form):
            guard !form.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw error("= needs a word", at: token.position)
            }
            return .text(try budget.spend(on: TextTerm(.exact(form)), at: token.position))
        case .field(let name, let value, let quoted):
            let node = try field(name: name, value: value, quoted: quoted, position: token.position)
            if case .text(let term) = node {
                _ = try budget.spend(on: term, at: token.position)
            } else {
                try budget.spendOnFilter(at: token.position)
            }
            return node
        case .fieldGroup(let name):
            // The group's terms are counted as they are read, whatever field they end up in.
            return try scoped(try primary(), field: name, position: token.position)
        }
    }

    func textTerm(word: String, position: Int, column: TextColumn?) throws(QuerySyntaxError) -> TextTerm {
        if word.hasSuffix("*") {
            let stem = String(word.dropLast()).trimmingCharacters(in: CharacterSet(charactersIn: "*"))
            guard stem.count >= QueryParser.minimumPrefixLength else {
                throw error("a prefix needs at least \(QueryParser.minimumPrefixLength) letters before *", at: position)
            }
            return TextTerm(.prefix(stem), column: column)
        }
        guard word.contains(where: { $0.isLetter || $0.isNumber }) else {
            throw error("'\(word)' has nothing to search for", at: position)
        }
        return TextTerm(.word(word), column: column)
    }

    func phraseTerm(_ phrase: String, position: Int, column: TextColumn?) throws(QuerySyntaxError) -> TextTerm {
        let words = phrase.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.contains(where: { $0.contains(where: { $0.isLetter || $0.isNumber }) }) else {
            throw error("empty phrase", at: position)
        }
        return TextTerm(words.count == 1 ? .word(words[0]) : .phrase(words), column: column)
    }
}

/// `2025`, `2025-03`, `2025-03-15`, `15.3.2025`, `3.2025` and ranges `A..B` (either end open).
enum DateRangeSyntax {
    static func parse(_ text: String) -> (start: Date, end: Date)? {
        if let dots = text.range(of: "..") {
            let from = String(text[..<dots.lowerBound])
            let to = String(text[dots.upperBound...])
            let start = from.isEmpty ? Date.distantPast : period(from)?.start
            let end = to.isEmpty ? Date.distantFuture : period(to)?.end
            guard let start, let end, start < end else { return nil }
            return (start, end)
        }
        return period(text)
    }

    /// The UTC period a date written at some precision covers.
    static func period(_ text: String) -> (start: Date, end: Date)? {
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        let finnish = text.split(separator: ".", omittingEmptySubsequences: false)
        var year: Int?, month: Int?, day: Int?
        if iso.count >= 1 && iso.count <= 3 && iso[0].count == 4 && !text.contains(".") {
            year = Int(iso[0])
            month = iso.count > 1 ? Int(iso[1]) : nil
            day = iso.count > 2 ? Int(iso[2]) : nil
            if (iso.count > 1 && month == nil) || (iso.count > 2 && day == nil) { return nil }
        } else if finnish.count == 3, finnish[2].count == 4 {
            (day, month, year) = (Int(finnish[0]), Int(finnish[1]), Int(finnish[2]))
            if day == nil || month == nil { return nil }
        } else if finnish.count == 2, finnish[1].count == 4 {
            (month, year) = (Int(finnish[0]), Int(finnish[1]))
            if month == nil { return nil }
        } else {
            return nil
        }
        guard let year, (1900...2999).contains(year) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components = DateComponents(year: year, month: month ?? 1, day: day ?? 1)
        guard (1...12).contains(components.month ?? 0), let start = calendar.date(from: components),
              calendar.component(.day, from: start) == (day ?? 1)
        else { return nil }
        let unit: Calendar.Component = day != nil ? .day : month != nil ? .month : .year
        guard let end = calendar.date(byAdding: unit, value: 1, to: start) else { return nil }
        return (start, end)
    }
}
