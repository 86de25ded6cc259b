import GRDB

/// Rebuilding the full-text index when the `finnish` tokenizer's document terms change.
///
/// The index keeps only tokens (it is external-content over `interaction`), and a row leaves it by
/// analysing its stored text again (erasure, retention, redaction). So after the analyzer changes
/// what it indexes, the rows indexed before would keep terms the new analyzer never makes (still
/// found by queries that should no longer find them), and deleting such a row would remove the new
/// terms instead of its own, leaving the old ones behind. A schema migration therefore rebuilds the
/// index from the interactions' text, once, when an archive is first opened by the new version.
enum FullTextReindex {
    /// Compound modifiers moved from the base-form namespace to their own (`TermNamespace.modifier`),
    /// participles gained their verb's base form, and MA infinitives that are cases of a noun
    /// (`näkymässä`) lost the verb's.
    static let compoundHeadsMigration = "v5-eval16: compound heads as base forms, modifiers apart; participles and MA infinitives read anew"

    /// Re-analyses every row of a `finnish` index (FTS5 `rebuild`); an index made with another
    /// tokenizer is left alone, its terms did not change.
    static func rebuildIfFinnish(_ db: Database) throws {
        guard try IndexTokenizer.current(db) == .finnish else { return }
        try db.execute(sql: "INSERT INTO interaction_fts (interaction_fts) VALUES ('rebuild')")
    }
}
