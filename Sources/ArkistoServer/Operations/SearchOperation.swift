import Archive
import Foundation
import Query

/// A search as the web form and the API ask for it: the query language, plus the form's filters.
struct SearchRequest: Sendable {
    /// The channels as the interface names them.
    enum Channel: String, Sendable, CaseIterable {
        case email
        case support
        case call

        var kind: InteractionKind {
            switch self {
            case .email: .email
            case .support: .ticket
            case .call: .call
            }
        }
    }

    var query: String = ""
    var channel: Channel?
    /// Days `YYYY-MM-DD`, both inclusive.
    var from: String?
    var to: String?
    var complaintsOnly = false
    var limit = 20
    var offset = 0

    /// Nothing to search for.
    var isEmpty: Bool {
        query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && channel == nil && from == nil && to == nil
            && !complaintsOnly
    }

    /// The query with the filters appended in the query language (`(q) kind:ticket date:A..B
    /// is:complaint`), after the typed part alone has been checked so that an error points into
    /// what the user typed.
    func combinedQuery() throws(SearchFailure) -> String {
        let typed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        var parts: [String] = []
        if !typed.isEmpty {
            do {
                _ = try QueryParser().parse(typed)
            } catch {
                throw .syntax(error)
            }
            parts.append(channel == nil && from == nil && to == nil && !complaintsOnly ? typed : "(\(typed))")
        }
        if let channel { parts.append("kind:\(channel.kind.rawValue)") }
        if from != nil || to != nil {
            for day in [from, to].compactMap({ $0 }) where !Self.isDay(day) {
                throw .invalid("päivämäärä '\(day)' ei ole muotoa VVVV-KK-PP")
            }
            parts.append("date:\(from ?? "")..\(to ?? "")")
        }
        if complaintsOnly { parts.append("is:complaint") }
        return parts.joined(separator: " ")
    }

    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && Int($0) != nil }),
              let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
        else { return false }
        return true
    }
}

enum SearchFailure: Error {
    /// The typed query cannot be read: the parser's message and position.
    case syntax(QuerySyntaxError)
    /// A filter is malformed.
    case invalid(String)
    case failed(String)
}

struct SearchOutcome: Sendable {
    var query: String
    var page: SearchPage
    var milliseconds: Double
    /// The customers each hit is linked to.
    var customers: [Int64: [LinkedCustomer]]
}

extension ArchiveService {
    /// Runs a search and logs it (the combined query, the number of hits) as the user.
    func search(_ request: SearchRequest, by identity: Identity) throws(SearchFailure) -> SearchOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        let query = try request.combinedQuery()
        let page: SearchPage
        do {
            page = try Search(archive: store).run(query, limit: request.limit, offset: request.offset)
        } catch {
            switch error {
            case .syntax(let syntax): throw .syntax(syntax)
            case .stopped(let stop): throw .invalid("\(stop)")
            case .archive(let archive): throw .failed("\(archive)")
            }
        }
        let elapsed = started.duration(to: clock.now)
        metrics.searched(in: elapsed)
        let milliseconds = elapsed / .milliseconds(1)
        do {
            let customers = try store.linkedCustomers(ofInteractions: page.hits.map(\.interactionID))
            try trail(identity).searched(query: query, results: page.total)
            return SearchOutcome(query: query, page: page, milliseconds: milliseconds, customers: customers)
        } catch {
            throw .failed("\(error)")
        }
    }
}
