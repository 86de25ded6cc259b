import Foundation
import GRDB

/// Archives made before the audit log had its own database kept it in their `audit_log` table.
/// Its rows move, in order, into the chained log before the migration that drops the table runs;
/// a row moved already (the move was interrupted) is not moved twice.
enum LegacyAuditLog {
    static func move(from pool: DatabasePool, to auditLog: AuditDatabase) throws {
        let rows = try pool.read { db -> [Row] in
            guard try db.tableExists("audit_log") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id")
        }
        guard !rows.isEmpty else { return }
        // The same columns as the audit database: its reader decodes them.
        let entries = rows.map(AuditDatabase.entry)
        try auditLog.append(entries, legacyIDs: rows.map { $0["id"] as Int64? })
    }
}
