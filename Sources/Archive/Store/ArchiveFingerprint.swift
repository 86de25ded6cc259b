import GRDB

/// What an archive holds, reduced to counts and digests that do not depend on row ids or on when
/// and in how many runs it was imported: two imports of the same input, one of them interrupted
/// and resumed any number of times, must have equal fingerprints.
public struct ArchiveFingerprint: Sendable, Codable, Equatable {
    public var interactions: Int
    public var originals: Int
    public var sourceLocations: Int
    public var quarantined: Int
    /// Distinct terms of the full-text index.
    public var indexTerms: Int
    /// Each interaction: content hash, kind, source reference, its original's SHA-256, the root of
    /// its thread, the content hash of the interaction it is a variant of, and its full text.
    public var interactionsDigest: String
    /// The SHA-256 of every original.
    public var originalsDigest: String
    /// Every place an original was found: path, offset, the original's SHA-256.
    public var sourceLocationsDigest: String
    /// Every quarantined record: path, offset, reason, SHA-256 of its bytes.
    public var quarantineDigest: String
    /// Every full-text index entry: term, the content hash of its interaction, column, position.
    public var indexDigest: String
    /// "ok", or what FTS5's integrity check found wrong between the index and the interactions.
    public var indexIntegrity: String
}

extension ArchiveStore {
    /// The fingerprint of the archive as it is now. Reads everything: meant for tests and
    /// verification, not for routine use on large archives.
    public func fingerprint() throws(ArchiveError) -> ArchiveFingerprint {
        // On the writer: the integrity check is a command written as an INSERT, and the vocabulary
        // table is a temporary table.
        try write { db in
            let integrity: String
            do {
                try db.execute(sql: "INSERT INTO interaction_fts (interaction_fts, rank) VALUES ('integrity-check', 1)")
                integrity = "ok"
            } catch let error as DatabaseError {
                integrity = error.message ?? "\(error)"
            }
            try db.execute(sql: """
                CREATE VIRTUAL TABLE IF NOT EXISTS temp.fingerprint_vocab USING fts5vocab(main, interaction_fts, 'instance')
                """)
            defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.fingerprint_vocab") }
            return ArchiveFingerprint(
                interactions: try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction") ?? 0,
                originals: try Int.fetchOne(db, sql: "SELECT count(*) FROM original") ?? 0,
                sourceLocations: try Int.fetchOne(db, sql: "SELECT count(*) FROM source_location") ?? 0,
                quarantined: try Int.fetchOne(db, sql: "SELECT count(*) FROM quarantine") ?? 0,
                indexTerms: try Int.fetchOne(db, sql: "SELECT count(DISTINCT term) FROM temp.fingerprint_vocab") ?? 0,
                interactionsDigest: try Self.digest(db, sql: """
                    SELECT hex(i.content_hash), i.kind, i.source_ref, hex(o.sha256), t.root_ref, hex(v.content_hash),
                        i.occurred_at, i.direction, i.subject, i.body, i.participants, i.attachment_text
                    FROM interaction i
                    LEFT JOIN original o ON o.id = i.original_id
                    LEFT JOIN thread t ON t.id = i.thread_id
                    LEFT JOIN interaction v ON v.id = i.variant_of
                    ORDER BY i.content_hash
                    """),
                originalsDigest: try Self.digest(db, sql: "SELECT hex(sha256), size FROM original ORDER BY sha256"),
                sourceLocationsDigest: try Self.digest(db, sql: """
                    SELECT l.path, l.source_offset, hex(o.sha256)
                    FROM source_location l JOIN original o ON o.id = l.original_id
                    ORDER BY l.path, l.source_offset, o.sha256
                    """),
                quarantineDigest: try Self.digest(db, sql: """
                    SELECT source_path, source_offset, reason, hex(sha256) FROM quarantine
                    ORDER BY source_path, source_offset, reason, sha256
                    """),
                indexDigest: try Self.digest(db, sql: """
                    SELECT v.term, hex(i.content_hash), v.col, v.offset
                    FROM temp.fingerprint_vocab v JOIN interaction i ON i.id = v.doc
                    ORDER BY v.term, i.content_hash, v.col, v.offset
                    """),
                indexIntegrity: integrity)
        }
    }

    /// A SHA-256 chain over the rows' values, as text with separators.
    private static func digest(_ db: Database, sql: String) throws -> String {
        var chain = ContentDigest(of: [])
        var pending: [UInt8] = []
        let rows = try Row.fetchCursor(db, sql: sql)
        while let row = try rows.next() {
            for index in 0..<row.count {
                let value: DatabaseValue = row[index]
                switch value.storage {
                case .null: pending.append(0x00)
                case .int64(let number): pending.append(contentsOf: String(number).utf8)
                case .double(let number): pending.append(contentsOf: String(number).utf8)
                case .string(let text): pending.append(contentsOf: text.utf8)
                case .blob(let data): pending.append(contentsOf: data)
                }
                pending.append(0x1F)
            }
            pending.append(0x1E)
            if pending.count >= 1 << 20 {
                chain = ContentDigest(of: chain.bytes + pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        return ContentDigest(of: chain.bytes + pending).hex
    }
}
