import Archive
import Foundation

extension CivilDate {
    /// Today in Finland: inspection deadlines count Finnish calendar days.
    public static var todayInFinland: CivilDate {
        CivilDate(Date(), in: TimeZone(identifier: "Europe/Helsinki") ?? .gmt)
    }
}
