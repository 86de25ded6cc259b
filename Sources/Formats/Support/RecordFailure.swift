/// Why one record could not be decoded; the reader turns it into a ``RecordError`` with the position.
struct RecordFailure: Error, Sendable {
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }

    /// `'text'`, shortened when long, for quoting input in a reason.
    static func quoted(_ text: String) -> String {
        "'" + (text.count > 60 ? String(text.prefix(60)) + "…" : text) + "'"
    }
}
