import GRDB

/// Links between interactions and customers are derived, never edited: an interaction concerns
/// every customer who holds an identifier it mentions, and every customer whom another message of
/// its thread (or comment of its ticket) mentions with exact evidence — a reply to a message about
/// a customer's account is about that customer too. The strongest evidence sets the link's
/// strength; an identifier held by more than one customer marks the link shared.
enum Links {
    /// Rebuilds the links of the interactions with id ≥ `first` (a batch just written) and of
    /// every interaction sharing a thread with them.
    static func refresh(_ db: Database, interactionsFrom first: Int64) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS temp.link_scope")
        try db.execute(sql: """
            CREATE TEMP TABLE link_scope AS
            SELECT id FROM interaction WHERE id >= ?1
            UNION
            SELECT id FROM interaction
            WHERE thread_id IN (SELECT thread_id FROM interaction WHERE id >= ?1 AND thread_id IS NOT NULL)
            """, arguments: [first])
        try db.execute(sql: "DELETE FROM interaction_customer WHERE interaction_id IN (SELECT id FROM temp.link_scope)")
        try db.execute(sql: insertLinks(scope: "SELECT id FROM temp.link_scope"))
        try db.execute(sql: "DROP TABLE temp.link_scope")
    }

    /// Rebuilds every link (after the customer register changed).
    static func refreshAll(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM interaction_customer")
        try db.execute(sql: insertLinks(scope: "SELECT id FROM interaction"))
    }

    private static func insertLinks(scope: String) -> String {
        """
        WITH evidence (interaction_id, kind, value, location, strength) AS (
            SELECT m.interaction_id, m.kind, m.value, m.location, m.strength
            FROM interaction_mention m
            WHERE m.interaction_id IN (\(scope))
            UNION
            SELECT i.id, m.kind, m.value, 'thread', 'exact'
            FROM interaction i
            JOIN interaction sibling ON sibling.thread_id = i.thread_id AND sibling.id <> i.id
            JOIN interaction_mention m ON m.interaction_id = sibling.id AND m.strength = 'exact'
            WHERE i.id IN (\(scope)) AND i.thread_id IS NOT NULL
        )
        INSERT INTO interaction_customer (interaction_id, customer_id, strength, shared, evidence)
        SELECT e.interaction_id, ci.customer_id,
            CASE WHEN max(e.strength = 'exact') THEN 'exact' ELSE 'weak' END,
            max((SELECT count(*) FROM customer_identifier other
                 WHERE other.kind = e.kind AND other.value = e.value) > 1),
            json_group_array(json_object(
                'kind', e.kind,
                'value', CASE e.kind WHEN 'personal_id' THEN NULL ELSE e.value END,
                'location', e.location,
                'strength', e.strength))
        FROM evidence e
        JOIN customer_identifier ci ON ci.kind = e.kind AND ci.value = e.value
        GROUP BY e.interaction_id, ci.customer_id
        """
    }
}
