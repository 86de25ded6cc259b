import GRDB

/// The tokenizer an archive's full-text index is built with, chosen when the archive is created.
public enum IndexTokenizer: String, Sendable, CaseIterable, Codable {
    /// Finnish-aware: surface forms, base forms, compound parts and stems (the default).
    case finnish
    /// SQLite's stock `unicode61 remove_diacritics 0`, for comparison.
    case unicode61
    /// Snowball Finnish stems only (``SnowballTokenizer``), for comparison.
    case snowball

    var ftsDefinition: String {
        switch self {
        case .finnish: "finnish"
        case .unicode61: "unicode61 remove_diacritics 0"
        case .snowball: SnowballTokenizer.name
        }
    }
}

extension IndexTokenizer {
    /// The tokenizer the archive's full-text index was created with; nil for an index made some
    /// other way.
    static func current(_ db: Database) throws -> IndexTokenizer? {
        let definition = try String.fetchOne(db, sql: """
            SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'interaction_fts'
            """)
        guard let definition else { return nil }
        return allCases.first { definition.contains("tokenize='\($0.ftsDefinition)'") }
    }

    /// Whether the index takes prepared ``TokenStream``s in place of text: only the `finnish`
    /// tokenizer replays them (any other would index the encoded bytes as words).
    public var acceptsTokenStreams: Bool { self == .finnish }
}

extension ArchiveStore {
    /// The tokenizer this archive's full-text index was built with (nil if it is not one of ours).
    public func indexTokenizer() throws(ArchiveError) -> IndexTokenizer? {
        try read { db in try IndexTokenizer.current(db) }
    }
}
