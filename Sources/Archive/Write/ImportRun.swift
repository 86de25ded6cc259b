import Foundation
import GRDB

public struct ImportRunID: Hashable, Sendable {
    public let rawValue: Int64
}

/// What one import did, counted per input record: every record is archived, updated (it replaced a
/// different stored version of itself), already present or quarantined — or was removed from the
/// archive before (erased on request or past retention) and is not brought back — so the five add
/// up to the input count.
public struct ImportTally: Sendable, Equatable, Codable {
    public var archived = 0
    public var updated = 0
    public var alreadyPresent = 0
    /// Records whose content was erased or removed by retention earlier: not archived again.
    public var previouslyRemoved = 0
    public var quarantinedByReason: [QuarantineReason: Int] = [:]

    public init() {}

    public var quarantined: Int { quarantinedByReason.values.reduce(0, +) }
    public var total: Int { archived + updated + alreadyPresent + quarantined + previouslyRemoved }

    /// Adds another tally's counts to this one.
    public mutating func add(_ other: ImportTally) {
        archived += other.archived
        updated += other.updated
        alreadyPresent += other.alreadyPresent
        previouslyRemoved += other.previouslyRemoved
        quarantinedByReason.merge(other.quarantinedByReason, uniquingKeysWith: +)
    }

    public mutating func add(_ outcome: ImportOutcome) {
        switch outcome {
        case .archived: archived += 1
        case .updated: updated += 1
        case .alreadyPresent: alreadyPresent += 1
        case .previouslyRemoved: previouslyRemoved += 1
        case .quarantined(let reason): quarantinedByReason[reason, default: 0] += 1
        }
    }
}

extension ArchiveStore {
    public func beginImportRun(sourceKind: String, arguments: [String]) throws(ArchiveError) -> ImportRunID {
        let argumentsJSON = (try? JSONEncoder().encode(arguments)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return try write { db in
            try db.execute(
                sql: "INSERT INTO import_run (source_kind, arguments, started_at) VALUES (?, ?, ?)",
                arguments: [sourceKind, argumentsJSON, Timestamp.format(Date())])
            return ImportRunID(rawValue: db.lastInsertedRowID)
        }
    }

    public func finishImportRun(_ run: ImportRunID, tally: ImportTally) throws(ArchiveError) {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE import_run SET finished_at = ?, archived = ?, already_present = ?, quarantined = ?
                    WHERE id = ?
                    """,
                arguments: [Timestamp.format(Date()), tally.archived, tally.alreadyPresent, tally.quarantined, run.rawValue])
        }
    }
}
