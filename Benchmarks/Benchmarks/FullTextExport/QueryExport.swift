import Archive
import FinnishText
import Foundation
import Query

/// For each query of a corpus: its `tsquery` (``TextQuery``) and Arkisto's answer on the archive,
/// one JSON object a line. Arkisto's search runs once to warm up, then timed (fast ranking), then
/// once exhaustively for the reference page.
struct QueryExport {
    struct LabelledQuery: Decodable {
        var id: String
        var kind: String
        var query: String
    }

    struct Answer: Encodable {
        var id: String
        var kind: String
        var query: String
        var tsquery: String?
        var unsupported: String?
        var fts5Total: Int?
        var fts5Page: [Int64]
        var fts5ExhaustivePage: [Int64]
        var fts5FirstMs: Double
        var fts5Ms: Double
        var fts5Error: String?
    }

    var archive: String
    var queries: String
    var limit = 20

    init(arguments: [String]) throws {
        var positional: [String] = []
        var index = 0
        while index < arguments.count {
            if arguments[index] == "--limit", index + 1 < arguments.count, let value = Int(arguments[index + 1]) {
                limit = value
                index += 2
            } else {
                positional.append(arguments[index])
                index += 1
            }
        }
        guard positional.count == 2 else { throw ExportError.usage }
        archive = positional[0]
        queries = positional[1]
    }

    func run() throws {
        let analyzer = try FinnishAnalyzer()
        let search = Search(archive: try ArchiveStore(path: archive), timeLimit: nil)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        for query in try labelledQueries() {
            var answer = Answer(
                id: query.id, kind: query.kind, query: query.query, fts5Page: [], fts5ExhaustivePage: [],
                fts5FirstMs: 0, fts5Ms: 0)
            switch TextQuery.translate(query.query, using: analyzer) {
            case .tsquery(let text): answer.tsquery = text
            case .unsupported(let reason): answer.unsupported = reason
            }
            do {
                answer.fts5FirstMs = try milliseconds { _ = try search.run(query.query, limit: limit) }
                var page: SearchPage?
                answer.fts5Ms = try milliseconds { page = try search.run(query.query, limit: limit) }
                answer.fts5Total = page?.total
                answer.fts5Page = page?.hits.map(\.interactionID) ?? []
                answer.fts5ExhaustivePage = try search.run(query.query, limit: limit, mode: .exhaustive).hits.map(\.interactionID)
            } catch {
                answer.fts5Error = "\(error)"
            }
            print(String(decoding: try encoder.encode(answer), as: UTF8.self))
        }
    }

    private func labelledQueries() throws -> [LabelledQuery] {
        let lines = try String(contentsOfFile: queries, encoding: .utf8).split(separator: "\n")
        return try lines.enumerated().map { number, line in
            do {
                return try JSONDecoder().decode(LabelledQuery.self, from: Data(line.utf8))
            } catch {
                throw ExportError.badQueryFile(path: queries, line: number + 1, reason: "\(error)")
            }
        }
    }

    private func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }
}
