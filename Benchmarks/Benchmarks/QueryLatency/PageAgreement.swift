import Archive

/// The fast first page of one query against the exhaustive bm25 page of the same query.
struct PageComparison {
    var id: String
    /// The exhaustive page ranks by bm25 (some hit has a score); pages ranked by time have nothing to agree on.
    var ranked: Bool
    /// The share of the fast page's hits that are also on the exhaustive page; nil for an empty fast page.
    var overlap: Double?
    var fastTotal: Int
    var exhaustiveTotal: Int

    init(id: String, fast: SearchPage, exhaustive: SearchPage) {
        self.id = id
        ranked = exhaustive.hits.contains { $0.score != 0 }
        let reference = Set(exhaustive.hits.map(\.interactionID))
        overlap = fast.hits.isEmpty
            ? nil : Double(fast.hits.filter { reference.contains($0.interactionID) }.count) / Double(fast.hits.count)
        fastTotal = fast.total
        exhaustiveTotal = exhaustive.total
    }
}

/// How far the fast pages agree with exhaustive ranking over a query set: over the ranked queries
/// with a non-empty fast page, the mean and the minimum share; and every query whose total count
/// differs between the two modes (it must not).
struct AgreementReport: Encodable {
    struct TotalDifference: Encodable {
        var id: String
        var fast: Int
        var exhaustive: Int
    }
    struct Shortfall: Encodable {
        var id: String
        var overlap: Double
    }

    /// Ranked queries compared.
    var queries: Int
    var mean: Double?
    var minimum: Double?
    /// Queries whose overlap is under `target`, worst first.
    var belowTarget: [Shortfall]
    var target: Double
    var totalDifferences: [TotalDifference]

    init(_ comparisons: [PageComparison], target: Double = 0.95) {
        let shares = comparisons.filter(\.ranked).compactMap { comparison in comparison.overlap.map { (comparison.id, $0) } }
        queries = shares.count
        mean = shares.isEmpty ? nil : shares.map(\.1).reduce(0, +) / Double(shares.count)
        minimum = shares.map(\.1).min()
        self.target = target
        belowTarget = shares.filter { $0.1 < target }.sorted { $0.1 < $1.1 }.map { Shortfall(id: $0.0, overlap: $0.1) }
        totalDifferences = comparisons.filter { $0.fastTotal != $0.exhaustiveTotal }
            .map { TotalDifference(id: $0.id, fast: $0.fastTotal, exhaustive: $0.exhaustiveTotal) }
    }
}
