import Archive

/// What one run over an append-only source did.
public struct TailResult: Sendable, Equatable {
    /// The records read, counted as in an import (archived, updated, present, quarantined).
    public var tally = ImportTally()
    /// Records read in this run.
    public var records = 0
    /// True when the run stopped at its record limit with more to read: run it again.
    public var reachedLimit = false
    /// Calls archived earlier whose recording or transcript appeared since (calls only): their
    /// text changed, so their classification is to be refreshed (`ClassificationScope(ids:)`).
    public var amendedCallIDs: [Int64] = []

    /// How many calls got a late recording or transcript.
    public var lateMedia: Int { amendedCallIDs.count }
    /// What the run noticed about the file: a rotation followed, a truncation, an old file not found.
    public var notes: [String] = []

    public init() {}
}
