import Foundation

/// The instants an input record may name: 0001-01-01T00:00:00Z through 9999-12-31T23:59:59Z, the
/// times the archive can store as `YYYY-MM-DDTHH:MM:SSZ`. A time outside it (a numeric timestamp
/// such as `1e22`, a year 0000) makes its record a ``RecordFailure`` that names the field and the
/// value, so the record is quarantined instead of trapping a conversion later.
enum InstantRange {
    static let seconds: ClosedRange<Double> = -62_135_596_800...253_402_300_799

    /// The instant `secondsSince1970` names, or a failure for `field` quoting `written`.
    static func instant(secondsSince1970: Double, field: String, written: String) throws(RecordFailure) -> Date {
        guard secondsSince1970.isFinite, seconds.contains(secondsSince1970) else {
            throw RecordFailure("\(field): out of range (years 1–9999): \(RecordFailure.quoted(written))")
        }
        return Date(timeIntervalSince1970: secondsSince1970)
    }
}
