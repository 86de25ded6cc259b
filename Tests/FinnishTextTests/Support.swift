@testable import FinnishText

/// Every term a document yields.
func documentTerms(_ analyzer: FinnishAnalyzer, _ text: String) -> Set<String> {
    var terms: Set<String> = []
    analyzer.analyzeDocument(text) { term, _, _ in terms.insert(term) }
    return terms
}

/// The terms of each word of a document, grouped by position.
func wordTerms(_ analyzer: FinnishAnalyzer, _ text: String) -> [[String]] {
    var words: [[String]] = []
    analyzer.analyzeDocument(text) { term, _, colocated in
        if colocated, !words.isEmpty {
            words[words.count - 1].append(term)
        } else {
            words.append([term])
        }
    }
    return words
}

/// Whether a query word finds a document: one of its terms is among the document's terms.
func finds(_ analyzer: FinnishAnalyzer, query: String, in document: String) -> Bool {
    !Set(analyzer.queryTerms(forWord: query)).isDisjoint(with: documentTerms(analyzer, document))
}

/// Whether a prefix query (`lähde*`) finds a document: one of its terms starts with a prefix term.
func findsByPrefix(_ analyzer: FinnishAnalyzer, _ prefix: String, in document: String) -> Bool {
    let prefixes = analyzer.prefixTerms(forPrefix: prefix)
    return documentTerms(analyzer, document).contains { term in prefixes.contains { term.hasPrefix($0) } }
}

func base(_ text: String) -> String { TermNamespace.baseForm.term(text) }
func stem(_ text: String) -> String { TermNamespace.stem.term(text) }
func modifier(_ text: String) -> String { TermNamespace.modifier.term(text) }
