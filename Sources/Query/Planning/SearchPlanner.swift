import Archive

/// Turns a query tree into the archive's ``SearchPlan``: the text parts of a top-level AND become
/// one FTS5 expression that ranks and highlights; everything else becomes conditions.
struct SearchPlanner {
    /// The customers a `customer:` value names (by source id, e-mail, phone, customer number or
    /// Y-tunnus); none when it names nobody.
    var resolveCustomer: @Sendable (String) -> [Int64] = { _ in [] }

    /// The whole query as one condition (no ranking), for classification rules.
    func matchingCondition(for node: QueryNode) -> SearchCondition {
        condition(node)
    }

    func plan(_ node: QueryNode, limit: Int?, offset: Int, mode: RankingMode = .fast) -> SearchPlan {
        let parts: [QueryNode] = if case .and(let children) = node { children } else { [node] }
        var positives: [String] = []
        var negatives: [String] = []
        var conditions: [SearchCondition] = []
        for part in parts {
            if case .not(let inner) = part, let expression = fullText(inner) {
                negatives.append(expression)
            } else if let expression = fullText(part) {
                positives.append(expression)
            } else {
                conditions.append(condition(part))
            }
        }
        var ranking: String?
        (positives, negatives) = (positives.uniqued(), negatives.uniqued())
        if !positives.isEmpty {
            ranking = ([positives.joined(separator: " AND ")] + negatives).joined(separator: " NOT ")
        } else {
            conditions += negatives.map { .none(.fullText($0)) }
        }
        let combined: SearchCondition? = switch conditions.count {
        case 0: nil
        case 1: conditions[0]
        default: .all(conditions)
        }
        return SearchPlan(condition: combined, ranking: ranking, limit: limit, offset: offset, mode: mode)
    }

    /// The FTS5 expression for a subtree made only of text terms, or nil when it has filters or a
    /// negation FTS5 cannot express (a NOT needs something positive before it).
    private func fullText(_ node: QueryNode) -> String? {
        switch node {
        case .text(let term):
            return FullTextExpression.term(term)
        case .filter:
            return nil
        case .or(let children):
            let expressions = children.compactMap(fullText)
            guard expressions.count == children.count else { return nil }
            return "(" + expressions.uniqued().joined(separator: " OR ") + ")"
        case .and(let children):
            var positives: [String] = []
            var negatives: [String] = []
            for child in children {
                if case .not(let inner) = child {
                    guard let expression = fullText(inner) else { return nil }
                    negatives.append(expression)
                } else {
                    guard let expression = fullText(child) else { return nil }
                    positives.append(expression)
                }
            }
            guard !positives.isEmpty else { return nil }
            let terms = [positives.uniqued().joined(separator: " AND ")] + negatives.uniqued()
            return "(" + terms.joined(separator: " NOT ") + ")"
        case .not:
            return nil
        }
    }

    private func condition(_ node: QueryNode) -> SearchCondition {
        if let expression = fullText(node) {
            return .fullText(expression)
        }
        switch node {
        case .text(let term): return .fullText(FullTextExpression.term(term))
        case .filter(let filter): return condition(filter)
        case .and(let children): return .all(children.map(condition))
        case .or(let children): return .any(children.map(condition))
        case .not(let inner): return .none(condition(inner))
        }
    }

    private func condition(_ filter: QueryFilter) -> SearchCondition {
        switch filter {
        case .from(let value): .participant(role: .from, value: value)
        case .to(let value): .any([.participant(role: .to, value: value), .participant(role: .cc, value: value)])
        case .customer(let value): .customers(resolveCustomer(value))
        case .kind(let kind): .kind(kind)
        case .isComplaint: .isComplaint
        case .isInspectionRequest: .isInspectionRequest
        case .hasAttachment: .hasAttachment
        case .filename(let name, let prefix): .attachmentName(name, prefix: prefix)
        case .tag(let tag): .ticketTag(tag)
        case .date(let start, let end): .occurred(start: start, end: end)
        }
    }
}

extension Array where Element == String {
    /// The expressions in order, each once: `lasku lasku` asks no more than `lasku`, but FTS5's
    /// work for scoring and highlighting grows with the square of the number of phrases.
    fileprivate func uniqued() -> [String] {
        var seen = Set<String>()
        return filter { seen.insert($0).inserted }
    }
}
