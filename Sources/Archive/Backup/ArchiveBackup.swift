import Foundation
import GRDB

/// Backups that can be made while the server and imports run: SQLite's online backup API copies
/// each database page by page from one read transaction, a consistent snapshot that never blocks
/// the writer. (`VACUUM INTO` would write a smaller file, but SQLite 3.40 refuses it on tables
/// with generated columns, which `interaction` has.)
/// The folder is created 0700 and every file in it 0600. The keys are not copied: they are
/// backed up separately, so that a stolen backup alone neither matches identity codes nor forges
/// the audit chain.
extension ArchiveStore {
    /// Copies the archive, its audit database and its erasure journal into `directory` (new or
    /// empty) and writes the manifest.
    public func backup(to directory: String, now: Date = Date()) throws(BackupError) -> BackupManifest {
        try BackupFolder.prepare(directory)
        let archiveCopy = directory + "/" + BackupManifest.Name.archive
        let auditCopy = directory + "/" + BackupManifest.Name.audit
        do {
            try SecureFiles.createEmptyFile(at: archiveCopy)
            try SecureFiles.createEmptyFile(at: auditCopy)
            try Self.snapshot(pool, to: archiveCopy)
            try auditLog.snapshot(to: auditCopy)
        } catch {
            throw .archive(path: path, message: "\(error)")
        }
        var names = [BackupManifest.Name.archive, BackupManifest.Name.audit]
        let journalEntries: [ErasureJournalEntry]
        do {
            journalEntries = try erasureJournal.entries()
            if !journalEntries.isEmpty {
                try ErasureJournal(path: directory + "/" + BackupManifest.Name.journal).append(journalEntries)
                names.append(BackupManifest.Name.journal)
            }
        } catch {
            throw .file(path: files.erasureJournal, reason: "\(error)")
        }
        let head: AuditHead?
        do { head = try verifyAudit().head } catch { throw .archive(path: files.auditDatabase, message: error.message) }
        let manifest = BackupManifest(
            createdAt: Timestamp.format(now), source: path, files: try names.map { name throws(BackupError) in
                try BackupFolder.describe(directory: directory, name: name)
            }, auditHead: head, journalEntries: journalEntries.count)
        try BackupFolder.writeManifest(manifest, in: directory)
        return manifest
    }

    /// Copies the database of `pool` into `target` (an empty file, whose permissions the copy keeps)
    /// with SQLite's online backup API, from one read transaction, as one file in rollback-journal mode.
    static func snapshot(_ pool: DatabasePool, to target: String) throws {
        let copy = try DatabaseQueue(path: target)
        try pool.backup(to: copy)
        // A copy that is one self-contained file: no write-ahead log beside it.
        try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        try copy.close()
    }
}

extension AuditDatabase {
    func snapshot(to target: String) throws {
        try ArchiveStore.snapshot(pool, to: target)
    }
}

/// Checking and restoring a backup folder.
public enum ArchiveBackup {
    /// Checks every file against the manifest (size and SHA-256) and that each database passes
    /// SQLite's integrity check. Returns the manifest.
    public static func verify(_ directory: String) throws(BackupError) -> BackupManifest {
        let manifest = try BackupFolder.readManifest(in: directory)
        for file in manifest.files {
            let path = directory + "/" + file.name
            let actual = try BackupFolder.describe(directory: directory, name: file.name)
            guard actual.size == file.size else {
                throw .mismatch(path: path, reason: "\(actual.size) bytes, the manifest says \(file.size)")
            }
            guard actual.sha256 == file.sha256 else {
                throw .mismatch(path: path, reason: "SHA-256 \(actual.sha256), the manifest says \(file.sha256)")
            }
            if file.name.hasSuffix(".sqlite") { try integrityCheck(path) }
        }
        for required in [BackupManifest.Name.archive, BackupManifest.Name.audit]
        where !manifest.files.contains(where: { $0.name == required }) {
            throw .mismatch(path: directory + "/" + BackupManifest.Name.manifest, reason: "\(required) is not listed")
        }
        return manifest
    }

    /// Copies a verified backup to `archivePath`, which must not exist yet. The audit database
    /// is copied only when there is none beside `archivePath` (a live one is newer and is kept);
    /// the backup's erasure journal, and `mergingJournals` (the live journal of the archive
    /// being replaced, when restoring elsewhere), are merged into the one beside `archivePath`.
    /// Opening the restored archive then re-applies the journal (``ErasureJournalReplay`` in Query).
    public static func restore(
        from directory: String, to archivePath: String, mergingJournals: [String] = []
    ) throws(BackupError) -> BackupManifest {
        let manifest = try verify(directory)
        let files = ArchiveFiles(archive: archivePath)
        for path in ArchiveFiles.withSQLiteCompanions(archivePath) where FileManager.default.fileExists(atPath: path) {
            throw .file(path: path, reason: "exists already: restore to a new path, or move the file away first")
        }
        try copy(directory + "/" + BackupManifest.Name.archive, to: archivePath)
        if !FileManager.default.fileExists(atPath: files.auditDatabase) {
            try copy(directory + "/" + BackupManifest.Name.audit, to: files.auditDatabase)
        }
        var journals = mergingJournals.filter { $0 != files.erasureJournal }
        if manifest.files.contains(where: { $0.name == BackupManifest.Name.journal }) {
            journals.append(directory + "/" + BackupManifest.Name.journal)
        }
        for journal in journals {
            do {
                try ErasureJournal(path: files.erasureJournal).merge(ErasureJournal(path: journal))
            } catch {
                throw .file(path: files.erasureJournal, reason: "\(error)")
            }
        }
        return manifest
    }

    private static func integrityCheck(_ path: String) throws(BackupError) {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let result = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            guard result == ["ok"] else { throw BackupError.mismatch(path: path, reason: result.joined(separator: "; ")) }
        } catch let error as BackupError {
            throw error
        } catch {
            throw .file(path: path, reason: "\(error)")
        }
    }

    /// Copies a file to a new 0600 file.
    private static func copy(_ source: String, to target: String) throws(BackupError) {
        do {
            try SecureFiles.createEmptyFile(at: target)
            let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: source))
            defer { try? input.close() }
            let output = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
            defer { try? output.close() }
            while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                try output.write(contentsOf: chunk)
            }
            try output.synchronize()
        } catch {
            throw .file(path: target, reason: "cannot copy \(source): \(error)")
        }
    }
}
