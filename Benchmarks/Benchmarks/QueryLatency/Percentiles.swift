/// Nearest-rank percentiles of a set of durations in milliseconds.
struct Percentiles: Encodable {
    var count: Int
    var p50: Double
    var p95: Double
    var p99: Double
    var maximum: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        func rank(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
            return Self.rounded(sorted[min(max(index, 0), sorted.count - 1)])
        }
        count = sorted.count
        p50 = rank(50)
        p95 = rank(95)
        p99 = rank(99)
        maximum = Self.rounded(sorted.last ?? 0)
    }

    /// To the microsecond.
    private static func rounded(_ milliseconds: Double) -> Double {
        (milliseconds * 1000).rounded() / 1000
    }
}
