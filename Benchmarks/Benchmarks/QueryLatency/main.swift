// Query latency of an archive, measured in one process (no process start-up in the numbers):
//
//     QueryLatency ARCHIVE QUERIES.jsonl [--limit 20] [--customers 500] [--no-agreement]
//
// Runs every query of a generated corpus's `queries.jsonl` once (the first pass: right after an
// import, the caches as the import left them), then once more timed (warm); then, unless
// --no-agreement, once more in exhaustive mode (every match ranked with bm25) to compare each
// fast first page with the exhaustive one (PageAgreement.swift); then the timelines of up to
// `--customers` customers, spread evenly over the register. Prints one JSON object: milliseconds
// at p50, p95, p99 and max for each, by query kind too, and the agreement.
import Archive
import Foundation
import Query

struct LabelledQuery: Decodable {
    var id: String
    var kind: String
    var query: String
}

struct Report: Encodable {
    var archive: String
    var limit: Int
    var searchFirstPassMs: Percentiles
    var searchMs: Percentiles
    var searchByKindP95Ms: [String: Double]
    var searchByKindMs: [String: Percentiles]
    var searchExhaustiveMs: Percentiles?
    var agreement: AgreementReport?
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
    func page(_ query: LabelledQuery, _ mode: RankingMode) -> SearchPage? {
        do {
            return try search.run(query.query, limit: arguments.limit, mode: mode)
        } catch {
            failed.append("\(query.id) (\(mode)): \(error)")
            return nil
        }
    }

    let firstPass = queries.map { query in milliseconds { _ = page(query, .fast) } }
    var timed: [Double] = []
    var byKind: [String: [Double]] = [:]
    var fastPages: [String: SearchPage] = [:]
    for query in queries {
        var result: SearchPage?
        let elapsed = milliseconds { result = page(query, .fast) }
        timed.append(elapsed)
        byKind[query.kind, default: []].append(elapsed)
        fastPages[query.id] = result
    }

    var exhaustiveTimes: [Double] = []
    var comparisons: [PageComparison] = []
    if arguments.agreement {
        for query in queries {
            var result: SearchPage?
            exhaustiveTimes.append(milliseconds { result = page(query, .exhaustive) })
            if let fast = fastPages[query.id], let exhaustive = result {
                comparisons.append(PageComparison(id: query.id, fast: fast, exhaustive: exhaustive))
            }
        }
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
        archive: arguments.archive, limit: arguments.limit, searchFirstPassMs: Percentiles(firstPass),
        searchMs: Percentiles(timed), searchByKindP95Ms: byKind.mapValues { Percentiles($0).p95 },
        searchByKindMs: byKind.mapValues(Percentiles.init),
        searchExhaustiveMs: arguments.agreement ? Percentiles(exhaustiveTimes) : nil,
        agreement: arguments.agreement ? AgreementReport(comparisons) : nil,
        timelineMs: Percentiles(timelines), failedQueries: failed)
    print(String(decoding: try encoder.encode(report), as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("QueryLatency: \(error)\n".utf8))
    exit(1)
}
