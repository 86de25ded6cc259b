/// The tokenizer an archive's full-text index is built with, chosen when the archive is created.
public enum IndexTokenizer: String, Sendable, CaseIterable, Codable {
    /// Finnish-aware: surface forms, base forms, compound parts and stems (the default).
    case finnish
    /// SQLite's stock `unicode61 remove_diacritics 0`, for comparison.
    case unicode61

    var ftsDefinition: String {
        switch self {
        case .finnish: "finnish"
        case .unicode61: "unicode61 remove_diacritics 0"
        }
    }
}
