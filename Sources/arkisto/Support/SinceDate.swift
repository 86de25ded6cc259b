import Archive
import ArgumentParser
import Foundation

/// A `--since` value: a day (`2025-01-31`, from its start, UTC) or a time (`2025-01-31T12:00:00Z`).
struct SinceDate: ExpressibleByArgument {
    var date: Date

    init?(argument: String) {
        guard let date = Timestamp.parse(argument + "T00:00:00Z") ?? Timestamp.parse(argument) else { return nil }
        self.date = date
    }

    static var defaultValueDescription: String { "2025-01-31" }
}
