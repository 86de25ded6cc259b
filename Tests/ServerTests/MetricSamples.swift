/// The samples of a Prometheus text exposition: each series (`name{labels}` exactly as written)
/// and its value; comments skipped.
struct MetricSamples {
    private var values: [String: Double] = [:]

    init(_ text: String) {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            values[String(line[..<space])] = value
        }
    }

    subscript(series: String) -> Double? { values[series] }

    var series: [String] { values.keys.sorted() }
}
