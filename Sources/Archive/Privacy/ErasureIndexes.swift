import GRDB

/// Indexes that keep erasure and retention proportional to what they remove. Without them every
/// removed original, and every foreign-key check on one, scanned the whole interaction table;
/// retention of one kind walked every interaction of the period; a removed interaction or
/// customer scanned the link reviews and the inspection cases.
enum ErasureIndexes {
    static let migration = "v6-erase14: indexes that keep erasure and retention independent of the archive's size"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX interaction_original ON interaction(original_id) WHERE original_id IS NOT NULL;
            CREATE INDEX interaction_kind_occurred ON interaction(kind, occurred_at);
            CREATE INDEX link_review_interaction ON link_review(interaction_id);
            CREATE INDEX inspection_case_customer_id ON inspection_case(customer_id) WHERE customer_id IS NOT NULL;
            """)
    }
}
