import Benchmark
import FinnishText
import Foundation
import MIME

/// Messages of a generated corpus (`ARKISTO_BENCH_CORPUS`, default `../corpus/medium`), read once.
struct CorpusSample {
    let messages: [[UInt8]]
    var bytes: Int { messages.reduce(0) { $0 + $1.count } }

    init(limit: Int) {
        let root = ProcessInfo.processInfo.environment["ARKISTO_BENCH_CORPUS"] ?? "../corpus/medium"
        var messages: [[UInt8]] = []
        for sub in ["cur", "new"] {
            let folder = "\(root)/mail/Maildir/\(sub)"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder).sorted()) ?? []
            for name in names where messages.count < limit {
                if let data = FileManager.default.contents(atPath: "\(folder)/\(name)") { messages.append([UInt8](data)) }
            }
        }
        self.messages = messages
    }
}

let benchmarks: @Sendable () -> Void = {
    let sample = CorpusSample(limit: 5_000)
    let mebibytes = Double(sample.bytes) / 1_048_576
    let label = String(format: "%d messages, %.2f MiB", sample.messages.count, mebibytes)
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .throughput, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 20)

    // One iteration parses every message of the sample: MiB/s = sample MiB / wall clock.
    Benchmark("MIME parse (\(label))", configuration: configuration) { benchmark in
        for message in sample.messages {
            blackHole(try? MessageParser.parse(message))
        }
    }

    Benchmark("MIME parse + text views (\(label))", configuration: configuration) { benchmark in
        for message in sample.messages {
            guard let parsed = try? MessageParser.parse(message) else { continue }
            blackHole(parsed.plainText)
            blackHole(parsed.htmlText)
            blackHole(parsed.attachments.count)
        }
    }

    let texts: [String] = sample.messages.prefix(2_000).compactMap { message in
        guard let parsed = try? MessageParser.parse(message) else { return nil }
        return parsed.plainText.isEmpty ? parsed.htmlText : parsed.plainText
    }
    let words = texts.reduce(0) { $0 + $1.split(whereSeparator: \.isWhitespace).count }
    Benchmark("Finnish analysis, warm cache (\(texts.count) bodies, \(words) words)", configuration: configuration) { benchmark in
        guard let analyzer = try? FinnishAnalyzer() else { return }
        var terms = 0
        for text in texts { analyzer.analyzeDocument(text) { _, _, _ in terms += 1 } }
        benchmark.startMeasurement()
        for text in texts { analyzer.analyzeDocument(text) { _, _, _ in terms += 1 } }
        benchmark.stopMeasurement()
        blackHole(terms)
    }
}
