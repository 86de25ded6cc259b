import GRDB

/// The archive's schema, one migration per released change. Never edit a registered migration:
/// add a new one.
enum Schema {
    static func migrator(tokenizer: IndexTokenizer) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: e-mail archive") { db in
            try createImportTables(db)
            try createOriginalTables(db)
            try createInteractionTables(db)
            try createFullTextIndex(db, tokenizer: tokenizer)
            try createChannelTables(db)
            try createCustomerTables(db)
        }
        migrator.registerMigration("v2: privacy") { db in
            try createPrivacyTables(db)
        }
        migrator.registerMigration("v3: ranking in the index") { db in
            // FTS5 then orders by rank itself (`ORDER BY rank`), so a search scores every match
            // but builds snippets and reads interaction rows only for the page it returns.
            try db.execute(sql: """
                INSERT INTO interaction_fts (interaction_fts, rank) VALUES ('rank', 'bm25(\(FullTextRanking.bm25Weights))')
                """)
        }
        migrator.registerMigration("v4: removed content stays removed") { db in
            // Digests (SHA-256) of originals and interactions that erasure or retention removed, so
            // that importing the same sources again does not bring them back.
            try db.execute(sql: """
                CREATE TABLE removed_content (
                    digest BLOB PRIMARY KEY,
                    removed_at TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v5-audit: audit log in its own database, erasure journal replays") { db in
            // The rows were moved into the audit database (LegacyAuditLog) before this runs.
            try db.execute(sql: """
                DROP TRIGGER IF EXISTS audit_log_no_update;
                DROP TRIGGER IF EXISTS audit_log_no_delete;
                DROP TABLE IF EXISTS audit_log;
                CREATE TABLE erasure_replay (
                    entry TEXT PRIMARY KEY,
                    applied_at TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v5-capture: configured sources and how their runs went") { db in
            // A source's settings are the Capture layer's JSON; secrets are never among them (an
            // IMAP password stays in its file or environment variable).
            try db.execute(sql: """
                CREATE TABLE capture_source (
                    name TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    settings TEXT NOT NULL,
                    added_at TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE capture_status (
                    source TEXT PRIMARY KEY REFERENCES capture_source(name) ON DELETE CASCADE,
                    last_attempt_at TEXT,
                    last_success_at TEXT,
                    last_error TEXT,
                    last_error_at TEXT,
                    failures INTEGER NOT NULL DEFAULT 0,
                    newest_item_at TEXT,
                    archived INTEGER NOT NULL DEFAULT 0,
                    updated INTEGER NOT NULL DEFAULT 0,
                    quarantined INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;
                CREATE TABLE capture_run (
                    source TEXT NOT NULL REFERENCES capture_source(name) ON DELETE CASCADE,
                    finished_at TEXT NOT NULL,
                    archived INTEGER NOT NULL,
                    updated INTEGER NOT NULL,
                    quarantined INTEGER NOT NULL
                );
                CREATE INDEX capture_run_by_source ON capture_run(source, finished_at);
                """)
        }
        migrator.registerMigration("v5-calls: source checkpoints and late call media") { db in
            // Where each continuously read source stopped (opaque JSON its reader owns), written in
            // the transaction of the batch it follows; and the recording named by each call's CDR,
            // so that calls still waiting for their recording or transcript are found without
            // reading their originals (NULL: archived before this column, not yet looked at).
            try db.execute(sql: """
                CREATE TABLE source_checkpoint (
                    source TEXT PRIMARY KEY,
                    state TEXT NOT NULL,
                    saved_at TEXT NOT NULL
                ) WITHOUT ROWID;
                ALTER TABLE call ADD COLUMN media_name TEXT;
                CREATE INDEX call_awaiting_media ON call(interaction_id)
                    WHERE media_name IS NULL OR (media_name <> '' AND (recording_path IS NULL OR transcript_path IS NULL));
                """)
            // Earlier versions of an edited ticket comment (the same ticket and number, another
            // text): kept, and in reports, but searches, timelines and complaint lists show the
            // version that came last. Gone with either version.
            try db.execute(sql: """
                CREATE TABLE superseded_interaction (
                    interaction_id INTEGER PRIMARY KEY REFERENCES interaction(id) ON DELETE CASCADE,
                    by_id INTEGER NOT NULL REFERENCES interaction(id) ON DELETE CASCADE
                );
                CREATE INDEX superseded_interaction_by ON superseded_interaction(by_id);
                CREATE INDEX interaction_variant ON interaction(variant_of) WHERE variant_of IS NOT NULL;
                INSERT INTO superseded_interaction (interaction_id, by_id)
                SELECT old.id, (SELECT max(id) FROM interaction v WHERE v.variant_of = coalesce(old.variant_of, old.id))
                FROM interaction old
                WHERE old.kind = 'ticket' AND EXISTS (
                    SELECT 1 FROM interaction v WHERE v.variant_of = coalesce(old.variant_of, old.id) AND v.id > old.id);
                """)
        }
        migrator.registerMigration(FullTextReindex.compoundHeadsMigration) { db in
            try FullTextReindex.rebuildIfFinnish(db)
        }
        migrator.registerMigration("v5-extract: where an attachment's text came from, and why it could not be read") { db in
            try db.execute(sql: """
                ALTER TABLE attachment ADD COLUMN text_source TEXT;
                ALTER TABLE attachment ADD COLUMN problems TEXT NOT NULL DEFAULT '';
                """)
        }
        migrator.registerMigration(AttachmentNameIndex.migration) { db in
            try AttachmentNameIndex.create(db)
        }
        migrator.registerMigration("v5-ocr: images and text-less pages waiting for OCR") { db in
            try RecognitionQueue.create(db)
        }
        migrator.registerMigration(SecureIndexDeletion.migration) { db in
            try SecureIndexDeletion.enable(db)
        }
        migrator.registerMigration(ErasureIndexes.migration) { db in
            try ErasureIndexes.create(db)
        }
        return migrator
    }

    private static func createImportTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE import_run (
                id INTEGER PRIMARY KEY,
                source_kind TEXT NOT NULL,
                arguments TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                archived INTEGER NOT NULL DEFAULT 0,
                already_present INTEGER NOT NULL DEFAULT 0,
                quarantined INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE quarantine (
                id INTEGER PRIMARY KEY,
                import_run_id INTEGER REFERENCES import_run(id),
                source_path TEXT NOT NULL,
                source_offset INTEGER NOT NULL,
                reason TEXT NOT NULL,
                detail TEXT NOT NULL,
                sha256 BLOB,
                size INTEGER NOT NULL,
                compression TEXT NOT NULL,
                data BLOB,
                quarantined_at TEXT NOT NULL
            );
            CREATE UNIQUE INDEX quarantine_position ON quarantine(source_path, source_offset, ifnull(sha256, x''));
            """)
    }

    private static func createOriginalTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE original (
                id INTEGER PRIMARY KEY,
                sha256 BLOB NOT NULL UNIQUE,
                size INTEGER NOT NULL,
                compression TEXT NOT NULL,
                data BLOB NOT NULL
            );
            CREATE TABLE source_location (
                id INTEGER PRIMARY KEY,
                original_id INTEGER NOT NULL REFERENCES original(id) ON DELETE CASCADE,
                path TEXT NOT NULL,
                source_offset INTEGER NOT NULL,
                import_run_id INTEGER REFERENCES import_run(id),
                UNIQUE (path, source_offset, original_id)
            );
            CREATE INDEX source_location_original ON source_location(original_id);
            """)
    }

    private static func createInteractionTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE thread (
                id INTEGER PRIMARY KEY,
                root_ref TEXT NOT NULL UNIQUE
            );
            CREATE TABLE interaction (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('email', 'ticket', 'call')),
                source_ref TEXT NOT NULL,
                content_hash BLOB NOT NULL UNIQUE,
                original_id INTEGER REFERENCES original(id),
                variant_of INTEGER REFERENCES interaction(id),
                thread_id INTEGER REFERENCES thread(id),
                occurred_at TEXT,
                direction TEXT NOT NULL DEFAULT 'unknown'
                    CHECK (direction IN ('inbound', 'outbound', 'unknown')),
                subject TEXT NOT NULL DEFAULT '',
                body TEXT NOT NULL DEFAULT '',
                participants TEXT NOT NULL DEFAULT '',
                attachment_text TEXT NOT NULL DEFAULT '',
                has_attachment INTEGER NOT NULL DEFAULT 0,
                complaint_signal INTEGER NOT NULL DEFAULT 0,
                inspection_signal INTEGER NOT NULL DEFAULT 0,
                -- What the company wrote is never a complaint; a call is a conversation, whoever dialled.
                is_complaint INTEGER GENERATED ALWAYS AS
                    (complaint_signal AND (direction <> 'outbound' OR kind = 'call')) VIRTUAL,
                is_inspection_request INTEGER GENERATED ALWAYS AS
                    (inspection_signal AND (direction <> 'outbound' OR kind = 'call')) VIRTUAL,
                defects TEXT NOT NULL DEFAULT '',
                import_run_id INTEGER REFERENCES import_run(id)
            );
            CREATE INDEX interaction_source_ref ON interaction(source_ref);
            CREATE INDEX interaction_occurred_at ON interaction(occurred_at);
            CREATE INDEX interaction_thread ON interaction(thread_id);
            CREATE TABLE participant (
                interaction_id INTEGER NOT NULL REFERENCES interaction(id) ON DELETE CASCADE,
                role TEXT NOT NULL CHECK (role IN ('from', 'to', 'cc', 'bcc', 'reply_to')),
                position INTEGER NOT NULL,
                name TEXT,
                address TEXT NOT NULL,
                PRIMARY KEY (interaction_id, role, position)
            ) WITHOUT ROWID;
            CREATE INDEX participant_address ON participant(address);
            CREATE TABLE message_reference (
                interaction_id INTEGER NOT NULL REFERENCES interaction(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                message_id TEXT NOT NULL,
                PRIMARY KEY (interaction_id, position)
            ) WITHOUT ROWID;
            CREATE INDEX message_reference_target ON message_reference(message_id);
            CREATE TABLE attachment (
                id INTEGER PRIMARY KEY,
                interaction_id INTEGER NOT NULL REFERENCES interaction(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                filename TEXT,
                content_type TEXT NOT NULL,
                size INTEGER NOT NULL,
                sha256 BLOB,
                text TEXT,
                UNIQUE (interaction_id, position)
            );
            """)
    }

    /// What only tickets and calls have.
    private static func createChannelTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE setting (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE ticket (
                id TEXT PRIMARY KEY,
                subject TEXT NOT NULL,
                status TEXT,
                priority TEXT,
                channel TEXT,
                tags TEXT NOT NULL DEFAULT '',
                requester_name TEXT,
                requester_email TEXT,
                requester_phone TEXT,
                created_at TEXT,
                updated_at TEXT
            ) WITHOUT ROWID;
            CREATE TABLE ticket_comment (
                interaction_id INTEGER PRIMARY KEY REFERENCES interaction(id) ON DELETE CASCADE,
                ticket_id TEXT NOT NULL REFERENCES ticket(id),
                number INTEGER NOT NULL,
                author_role TEXT NOT NULL,
                is_public INTEGER NOT NULL
            );
            CREATE INDEX ticket_comment_ticket ON ticket_comment(ticket_id, number);
            CREATE TABLE call (
                interaction_id INTEGER PRIMARY KEY REFERENCES interaction(id) ON DELETE CASCADE,
                caller TEXT NOT NULL,
                callee TEXT NOT NULL,
                caller_name TEXT,
                disposition TEXT NOT NULL,
                duration INTEGER NOT NULL,
                billable_seconds INTEGER NOT NULL,
                recording_path TEXT,
                recording_sha256 BLOB,
                audio_format TEXT,
                sample_rate INTEGER,
                channels INTEGER,
                audio_seconds REAL,
                transcript_path TEXT,
                transcript_sha256 BLOB
            );
            """)
    }

    /// The register's data subjects, their identifiers, the identifiers interactions mention, and
    /// the links between the two (derived from mentions and identifiers, so they can be rebuilt).
    private static func createCustomerTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE customer (
                id INTEGER PRIMARY KEY,
                source_id TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL CHECK (kind IN ('person', 'company')),
                name TEXT NOT NULL,
                address TEXT,
                marketing_consent INTEGER,
                source_path TEXT,
                source_line INTEGER,
                record_sha256 BLOB NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE customer_identifier (
                customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                kind TEXT NOT NULL
                    CHECK (kind IN ('email', 'phone', 'customer_number', 'business_id', 'personal_id')),
                value TEXT NOT NULL,
                written TEXT,
                PRIMARY KEY (customer_id, kind, value)
            ) WITHOUT ROWID;
            CREATE INDEX customer_identifier_lookup ON customer_identifier(kind, value);
            CREATE TABLE interaction_mention (
                interaction_id INTEGER NOT NULL REFERENCES interaction(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                value TEXT NOT NULL,
                location TEXT NOT NULL,
                strength TEXT NOT NULL CHECK (strength IN ('exact', 'weak')),
                PRIMARY KEY (interaction_id, kind, value, location)
            ) WITHOUT ROWID;
            CREATE INDEX interaction_mention_lookup ON interaction_mention(kind, value);
            CREATE TABLE interaction_customer (
                interaction_id INTEGER NOT NULL REFERENCES interaction(id) ON DELETE CASCADE,
                customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                strength TEXT NOT NULL CHECK (strength IN ('exact', 'weak')),
                shared INTEGER NOT NULL DEFAULT 0,
                evidence TEXT NOT NULL,
                PRIMARY KEY (interaction_id, customer_id)
            ) WITHOUT ROWID;
            CREATE INDEX interaction_customer_customer ON interaction_customer(customer_id, interaction_id);
            """)
    }

    /// External-content FTS5 over `interaction`; the write path inserts and deletes index rows itself
    /// so that deletions can pass the exact old values.
    private static func createFullTextIndex(_ db: Database, tokenizer: IndexTokenizer) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE interaction_fts USING fts5(
                subject, body, participants, attachment_text,
                content='interaction', content_rowid='id',
                tokenize='\(tokenizer.ftsDefinition)'
            );
            """)
    }

    /// Inspection requests (GDPR Art. 15) and the weak links their reports wait on, the append-only
    /// audit log, holds that block erasure and retention, and tombstones of erasures. Rows name
    /// customers by their register id as well, so that the record of a request or an erasure
    /// outlives the customer's own row.
    private static func createPrivacyTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE inspection_case (
                id INTEGER PRIMARY KEY,
                customer_id INTEGER REFERENCES customer(id) ON DELETE SET NULL,
                customer_source_id TEXT NOT NULL,
                received_on TEXT NOT NULL,
                extension_months INTEGER NOT NULL DEFAULT 0 CHECK (extension_months BETWEEN 0 AND 2),
                extension_reason TEXT,
                channel TEXT NOT NULL CHECK (channel IN ('letter', 'email', 'web', 'phone')),
                note TEXT,
                request_interaction_id INTEGER REFERENCES interaction(id) ON DELETE SET NULL,
                status TEXT NOT NULL DEFAULT 'received'
                    CHECK (status IN ('received', 'identity_verified', 'delivered', 'rejected')),
                status_reason TEXT,
                opened_at TEXT NOT NULL,
                opened_by TEXT NOT NULL,
                verified_at TEXT,
                closed_at TEXT,
                report_written_at TEXT,
                report_sha256 TEXT
            );
            CREATE INDEX inspection_case_customer ON inspection_case(customer_source_id);
            CREATE UNIQUE INDEX inspection_case_request ON inspection_case(request_interaction_id)
                WHERE request_interaction_id IS NOT NULL;
            CREATE TABLE link_review (
                case_id INTEGER NOT NULL REFERENCES inspection_case(id) ON DELETE CASCADE,
                interaction_id INTEGER NOT NULL REFERENCES interaction(id) ON DELETE CASCADE,
                basis TEXT NOT NULL DEFAULT 'weak_identifier' CHECK (basis IN ('weak_identifier', 'name')),
                decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'include', 'exclude')),
                decided_by TEXT,
                decided_at TEXT,
                PRIMARY KEY (case_id, interaction_id)
            ) WITHOUT ROWID;
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                customers TEXT NOT NULL DEFAULT '[]',
                request TEXT NOT NULL,
                result_count INTEGER
            );
            CREATE INDEX audit_log_at ON audit_log(at);
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted'); END;
            CREATE TABLE hold (
                customer_id INTEGER PRIMARY KEY REFERENCES customer(id),
                reason TEXT NOT NULL,
                placed_by TEXT NOT NULL,
                placed_at TEXT NOT NULL
            );
            CREATE TABLE tombstone (
                id INTEGER PRIMARY KEY,
                customer_source_id TEXT NOT NULL,
                erased_at TEXT NOT NULL,
                reason TEXT NOT NULL,
                actor TEXT NOT NULL,
                counts TEXT NOT NULL
            );
            """)
    }
}
