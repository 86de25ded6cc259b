/// The command line of QueryLatency.
struct Arguments {
    static let usage = "usage: QueryLatency ARCHIVE QUERIES.jsonl [--limit 20] [--customers 500] [--no-agreement]"

    var archive = ""
    var queries = ""
    var limit = 20
    var customers = 500
    /// Also run every query exhaustively and compare its page with the fast one.
    var agreement = true

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
            case "--no-agreement":
                agreement = false
                index += 1
            default:
                positional.append(list[index])
                index += 1
            }
        }
        guard positional.count == 2 else { throw UsageError(message: Self.usage) }
        archive = positional[0]
        queries = positional[1]
    }
}

struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
