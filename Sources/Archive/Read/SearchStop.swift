/// Why the archive stopped a search that was otherwise valid: it ran out of time, or SQLite found
/// the statement built from it too large. Either way the query needs narrowing, not the archive
/// fixing.
public enum SearchStop: Error, Sendable, Equatable, CustomStringConvertible {
    /// The search ran longer than its time limit and was stopped.
    case timeLimit(Duration)
    /// SQLite refused the statement as too large; the associated text is SQLite's reason (for the
    /// log, not for the user).
    case tooComplex(String)

    public var description: String {
        switch self {
        case .timeLimit(let limit):
            "the search took longer than \(Self.seconds(limit)) and was stopped: narrow it down with fewer or rarer words, or a date:, kind: or from: filter"
        case .tooComplex:
            "the query is too complex for the database to run: use fewer words or less nesting"
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        guard attoseconds != 0 else { return "\(seconds) s" }
        return "\(Double(seconds) + Double(attoseconds) / 1e18) s"
    }

    /// The messages with which SQLite refuses a statement for its size or nesting rather than for
    /// a fault in the archive.
    static let sqliteSizeRefusals = [
        "Expression tree is too large", "parser stack overflow", "too many SQL variables", "too many terms",
        "too many FROM clause terms", "string or blob too big",
    ]

    /// The stop an SQLite error stands for, when it is a size refusal.
    static func sizeRefusal(in message: String) -> SearchStop? {
        sqliteSizeRefusals.first { message.localizedCaseInsensitiveContains($0) }.map { _ in .tooComplex(message) }
    }
}

/// A search the archive could not answer.
public enum ArchiveSearchError: Error, Sendable, CustomStringConvertible {
    /// Stopped for its cost (time or size); see ``SearchStop``.
    case stopped(SearchStop)
    /// The archive failed.
    case archive(ArchiveError)

    public var description: String {
        switch self {
        case .stopped(let stop): "\(stop)"
        case .archive(let error): "\(error)"
        }
    }
}
