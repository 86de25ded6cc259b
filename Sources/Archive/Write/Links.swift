import GRDB

/// Links between interactions and customers are derived, never edited: an interaction concerns
/// every customer who holds an identifier it mentions. The strongest evidence sets the link's
/// strength; an identifier held by more than one customer marks the link shared.
enum Links {
    /// Rebuilds the links of interactions with id ≥ `first` (a batch just written).
    static func refresh(_ db: Database, interactionsFrom first: Int64) throws {
        try db.execute(sql: "DELETE FROM interaction_customer WHERE interaction_id >= ?", arguments: [first])
        try db.execute(sql: insertLinks(where: "m.interaction_id >= ?"), arguments: [first])
    }

    /// Rebuilds every link (after the customer register changed).
    static func refreshAll(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM interaction_customer")
        try db.execute(sql: insertLinks(where: "1"))
    }

    private static func insertLinks(where condition: String) -> String {
        """
        INSERT INTO interaction_customer (interaction_id, customer_id, strength, shared, evidence)
        SELECT m.interaction_id, ci.customer_id,
            CASE WHEN max(m.strength = 'exact') THEN 'exact' ELSE 'weak' END,
            max((SELECT count(*) FROM customer_identifier other
                 WHERE other.kind = m.kind AND other.value = m.value) > 1),
            json_group_array(json_object(
                'kind', m.kind,
                'value', CASE m.kind WHEN 'personal_id' THEN NULL ELSE m.value END,
                'location', m.location,
                'strength', m.strength))
        FROM interaction_mention m
        JOIN customer_identifier ci ON ci.kind = m.kind AND ci.value = m.value
        WHERE \(condition)
        GROUP BY m.interaction_id, ci.customer_id
        """
    }
}
