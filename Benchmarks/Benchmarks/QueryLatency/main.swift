// Query latency of an archive, measured in one process (no process start-up in the numbers):
//
//     QueryLatency ARCHIVE QUERIES.jsonl [--limit 20] [--customers 500]
//
// Runs every query of a generated corpus's `queries.jsonl` once to warm up, then once more
// timed; then the timelines of up to `--customers` customers, spread evenly over the register.
// Prints one JSON object: milliseconds at p50, p95, p99 and max for each.
import Archive
import Foundation
import Query

struct Arguments {
    var archive = ""
    var queries = ""
    var limit = 20
    var customers = 500

    init(_ list: [String]) throws {
        var positional: [String] = []
        var index = 0
        while index < list.count {
            switch list[index] {
            case "--limit", "--customers":
                guard index + 1 < list.count, let value = Int(list[index + 1]) else {
                    throw UsageError(message: "\(list[index]) needs a number")
                }
                if list[index] == "--limit" { limit = value } else { customers = value }
                index += 2
            default:
                positional.append(list[index])
                index += 1
            }
        }
        guard positional.count == 2 else {
            throw UsageError(message: "usage: QueryLatency ARCHIVE QUERIES.jsonl [--limit 20] [--customers 500]")
        }
        archive = positional[0]
        queries = positional[1]
    }
}

struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

struct LabelledQuery: Decodable {
    var id: String
    var kind: String
    var query: String
}

struct Percentiles: Encodable {
    var count: Int
    var p50: Double
    var p95: Double
    var p99: Double
    var maximum: Double

    /// Nearest-rank percentiles of milliseconds.
    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        func rank(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
            return (sorted[min(max(index, 0), sorted.count - 1)] * 1000).rounded() / 1000
        }
        count = sorted.count
        p50 = rank(50)
        p95 = rank(95)
        p99 = rank(99)
        maximum = ((sorted.last ?? 0) * 1000).rounded() / 1000
    }
}

struct Report: Encodable {
    var archive: String
    var searchFirstPassMs: Percentiles
    var searchMs: Percentiles
    var searchByKindP95Ms: [String: Double]
    var timelineMs: Percentiles
    var failedQueries: [String]
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

do {
    let arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
    let store = try ArchiveStore(path: arguments.archive)
    let search = Search(archive: store)
    let queries = try String(contentsOfFile: arguments.queries, encoding: .utf8)
        .split(separator: "\n").map { try JSONDecoder().decode(LabelledQuery.self, from: Data($0.utf8)) }

    var failed: [String] = []
    var firstPass: [Double] = []
    for query in queries {
        firstPass.append(milliseconds {
            do { _ = try search.run(query.query, limit: arguments.limit) } catch { failed.append("\(query.id): \(error)") }
        })
    }
    var timed: [Double] = []
    var byKind: [String: [Double]] = [:]
    for query in queries {
        let elapsed = milliseconds { _ = try? search.run(query.query, limit: arguments.limit) }
        timed.append(elapsed)
        byKind[query.kind, default: []].append(elapsed)
    }

    let ids = try store.allCustomerIDs()
    let step = max(ids.count / max(arguments.customers, 1), 1)
    var timelines: [Double] = []
    for id in stride(from: 0, to: ids.count, by: step).map({ ids[$0] }) {
        timelines.append(try milliseconds { _ = try store.timeline(customerID: id) })
    }

    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    let report = Report(
        archive: arguments.archive, searchFirstPassMs: Percentiles(firstPass), searchMs: Percentiles(timed),
        searchByKindP95Ms: byKind.mapValues { Percentiles($0).p95 }, timelineMs: Percentiles(timelines),
        failedQueries: failed)
    print(String(decoding: try encoder.encode(report), as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("QueryLatency: \(error)\n".utf8))
    exit(1)
}
