/// The bytes the entries of one archive may still expand to, and the ratio one entry may reach.
/// Expanding stops at the budget, whatever sizes the archive declares.
struct ExpansionBudget: Sendable, Equatable {
    var remainingBytes: Int
    /// Expanded size over compressed size, per entry.
    let maxRatio: Int
    /// Entries smaller than this are never refused for their ratio: a small file of repeated
    /// characters compresses far better than 200:1 and is no bomb.
    static let ratioFloor = 1 << 20

    init(limits: ExtractionLimits) {
        remainingBytes = limits.maxExpandedBytes
        maxRatio = limits.maxCompressionRatio
    }

    /// The most bytes an entry of `compressedSize` may expand to.
    func allowance(compressedSize: Int) -> Int {
        let (byRatio, overflow) = compressedSize.multipliedReportingOverflow(by: maxRatio)
        return min(remainingBytes, max(overflow ? Int.max : byRatio, Self.ratioFloor))
    }
}
