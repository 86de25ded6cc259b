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
        try refresh(db, scope: "SELECT id FROM interaction WHERE id >= ?1", arguments: [first])
    }

    /// Rebuilds the links of these interactions (amended ones: a late transcript's mentions) and of
    /// every interaction sharing a thread with them.
    static func refresh(_ db: Database, interactions ids: [Int64]) throws {
        let list = ids.map(String.init).joined(separator: ",")
        try refresh(db, scope: "SELECT id FROM interaction WHERE id IN (\(list))", arguments: [])
    }

    /// `scope`: a query of the ids whose links to rebuild.
    private static func refresh(_ db: Database, scope: String, arguments: StatementArguments) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS temp.link_scope")
        try db.execute(sql: """
            CREATE TEMP TABLE link_scope AS
            \(scope)
            UNION
            SELECT id FROM interaction
            WHERE thread_id IN (SELECT thread_id FROM interaction WHERE id IN (\(scope)) AND thread_id IS NOT NULL)
            """, arguments: arguments)
        try db.execute(sql: "DELETE FROM interaction_customer WHERE interaction_id IN (SELECT id FROM temp.link_scope)")
        try db.execute(sql: insertLinks(scope: "SELECT id FROM temp.link_scope"))
        try db.execute(sql: "DROP TABLE temp.link_scope")
    }

    /// Rebuilds every link (after the customer register changed).
    static func refreshAll(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM interaction_customer")
        try db.execute(sql: insertLinks(scope: "SELECT id FROM interaction"))
    }

    /// The thread evidence is found per thread, not per pair of messages: each identifier a thread
    /// mentions with exact evidence (and a customer holds) once, with how many of its messages mention
    /// it, so a ticket of n comments costs n, not n² (a message gets the thread's evidence for an
    /// identifier when some other message of the thread mentions it).
    ///
    /// `+i.id` keeps SQLite from probing `interaction_thread` once per thread identifier and per id in
    /// scope (a batch of 1,024 messages made that millions of probes, half the writer's time on an
    /// archive with a customer register): the thread's messages are found by thread, then checked
    /// against the scope.
    private static func insertLinks(scope: String) -> String {
        """
        WITH scope_thread (thread_id) AS (
            SELECT DISTINCT thread_id FROM interaction WHERE id IN (\(scope)) AND thread_id IS NOT NULL
        ),
        thread_exact (thread_id, kind, value, holders, first_holder) AS (
            SELECT i.thread_id, m.kind, m.value, count(DISTINCT m.interaction_id), min(m.interaction_id)
            FROM scope_thread t
            JOIN interaction i ON i.thread_id = t.thread_id
            JOIN interaction_mention m ON m.interaction_id = i.id AND m.strength = 'exact'
            WHERE EXISTS (SELECT 1 FROM customer_identifier ci WHERE ci.kind = m.kind AND ci.value = m.value)
            GROUP BY i.thread_id, m.kind, m.value
        ),
        evidence (interaction_id, kind, value, location, strength) AS (
            SELECT m.interaction_id, m.kind, m.value, m.location, m.strength
            FROM interaction_mention m
            WHERE m.interaction_id IN (\(scope))
            UNION
            SELECT i.id, te.kind, te.value, 'thread', 'exact'
            FROM interaction i
            JOIN thread_exact te ON te.thread_id = i.thread_id
            WHERE +i.id IN (\(scope)) AND (te.holders > 1 OR te.first_holder <> i.id)
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
