import Archive
import Foundation

/// A length of time as users write it: `7y`, `18m` (months), `6w`, `90d`.
public struct RetentionPeriod: Sendable, Equatable, CustomStringConvertible {
    public enum Unit: String, Sendable {
        case days = "d"
        case weeks = "w"
        case months = "m"
        case years = "y"
    }

    public var count: Int
    public var unit: Unit

    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = trimmed.last, let unit = Unit(rawValue: String(last)),
              let count = Int(trimmed.dropLast()), count > 0 else { return nil }
        self.count = count
        self.unit = unit
    }

    /// The moment this long before `now`, counted in calendar days and months (UTC).
    public func cutoff(before now: Date) -> Date {
        let today = CivilDate(now, in: .gmt)
        let day: CivilDate = switch unit {
        case .days: today.adding(days: -count)
        case .weeks: today.adding(days: -7 * count)
        case .months: today.adding(months: -count)
        case .years: today.adding(months: -12 * count)
        }
        let secondsToday = now.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400)
        let start = Timestamp.parse("\(day)T00:00:00Z") ?? now
        return start.addingTimeInterval(secondsToday)
    }

    public var description: String { "\(count)\(unit.rawValue)" }
}
