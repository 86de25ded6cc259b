import Archive

/// The values of the fields (`subject:lasku`, `from:maija`, `kind:call`, `body:(lasku OR vika)`).
extension TokenReader {
    func field(name: String, value: String, quoted: Bool, position: Int) throws(QuerySyntaxError) -> QueryNode {
        if let column = Self.textColumns[name] {
            return .text(try columnTerm(value, quoted: quoted, position: position, column: column))
        }
        switch name {
        case "from": return .filter(.from(try participantValue(value, field: name, position: position)))
        case "to": return .filter(.to(try participantValue(value, field: name, position: position)))
        case "filename": return .filter(try filenameValue(value, quoted: quoted, position: position))
        case "customer": return .filter(.customer(value))
        case "tag": return .filter(.tag(value))
        case "kind":
            guard let kind = InteractionKind(rawValue: value.lowercased()) else {
                throw error("kind: is email, ticket or call, not '\(value)'", at: position)
            }
            return .filter(.kind(kind))
        case "is":
            switch value.lowercased() {
            case "complaint", "reklamaatio": return .filter(.isComplaint)
            case "inspection", "tarkastuspyyntö": return .filter(.isInspectionRequest)
            default: throw error("is: takes complaint or inspection, not '\(value)'", at: position)
            }
        case "has":
            guard ["attachment", "liite"].contains(value.lowercased()) else {
                throw error("has: takes attachment, not '\(value)'", at: position)
            }
            return .filter(.hasAttachment)
        case "date":
            guard let range = DateRangeSyntax.parse(value) else {
                throw error(
                    "date: takes 2025, 2025-03, 2025-03-15, 15.3.2025 or a range A..B, not '\(value)'",
                    at: position)
            }
            return .filter(.date(start: range.start, end: range.end))
        default:
            throw error("unknown field \(name):", at: position)
        }
    }

    /// `group`, the parenthesised value of `name:`, with the field applied to each of its terms:
    /// a text field (`subject:`, `body:`) limits them to its column, a participant field (`from:`,
    /// `to:`) makes each a participant filter. Their ORs, ANDs and exclusions stay as written.
    func scoped(_ group: QueryNode, field name: String, position: Int) throws(QuerySyntaxError) -> QueryNode {
        switch group {
        case .and(let children):
            return .and(try children.map { child throws(QuerySyntaxError) in try scoped(child, field: name, position: position) })
        case .or(let children):
            return .or(try children.map { child throws(QuerySyntaxError) in try scoped(child, field: name, position: position) })
        case .not(let inner):
            return .not(try scoped(inner, field: name, position: position))
        case .filter:
            throw error("\(name):( … ) takes words, phrases and prefixes, not other fields", at: position)
        case .text(let term):
            guard term.column == nil else {
                throw error("\(name):( … ) takes words, phrases and prefixes, not other fields", at: position)
            }
            if let column = Self.textColumns[name] {
                return .text(TextTerm(term.form, column: column))
            }
            let value = switch term.form {
            case .word(let word): word
            case .phrase(let words): words.joined(separator: " ")
            case .prefix(let prefix): prefix
            case .exact(let form): form
            }
            switch name {
            case "from": return .filter(.from(value))
            case "to": return .filter(.to(value))
            case "filename":
                if case .prefix(let prefix) = term.form { return .filter(.filename(prefix, prefix: true)) }
                return .filter(try filenameValue(value, quoted: true, position: position))
            default: throw error("\(name): takes one value, not a group", at: position)
            }
        }
    }

    /// The fields that limit a text term to one column.
    static let textColumns: [String: TextColumn] = ["subject": .subject, "body": .body, "attachment": .attachmentText]

    /// The value of `subject:`, `body:` or `attachment:`: a word, a prefix, an exact form (`=laskusta`) or, quoted,
    /// a phrase.
    func columnTerm(_ value: String, quoted: Bool, position: Int, column: TextColumn) throws(QuerySyntaxError) -> TextTerm {
        if quoted { return try phraseTerm(value, position: position, column: column) }
        if value.hasPrefix(FullTextExpression.exactFormMarker) {
            let form = String(value.dropFirst(FullTextExpression.exactFormMarker.count))
            guard form.contains(where: { $0.isLetter || $0.isNumber }) else {
                throw error("= needs a word", at: position)
            }
            return TextTerm(.exact(form), column: column)
        }
        return try textTerm(word: value, position: position, column: column)
    }

    /// The value of `filename:`: words of a file name (`lasku`, `pdf`, `lasku-2025.pdf`, quoted or
    /// not), a trailing `*` making the last one a prefix (`lasku*`).
    func filenameValue(_ value: String, quoted: Bool, position: Int) throws(QuerySyntaxError) -> QueryFilter {
        var name = Substring(value)
        let prefix = !quoted && name.hasSuffix("*")
        if !quoted { while name.hasSuffix("*") { name = name.dropLast() } }
        guard name.contains(where: { $0.isLetter || $0.isNumber }) else {
            throw error("filename: needs a word of a file name, not '\(value)'", at: position)
        }
        return .filename(String(name), prefix: prefix)
    }

    /// The value of `from:` or `to:`. It matches the beginning of an address or a name's word
    /// already, so a `*` typed after it (`from:matt*`) asks nothing more and is dropped. Anything
    /// else is compared as written (`%` and `_` are not wildcards).
    func participantValue(_ value: String, field name: String, position: Int) throws(QuerySyntaxError) -> String {
        var trimmed = Substring(value)
        while trimmed.hasSuffix("*") { trimmed = trimmed.dropLast() }
        guard !trimmed.isEmpty else {
            throw error("'\(value)' has nothing to search for in \(name):", at: position)
        }
        return String(trimmed)
    }
}
