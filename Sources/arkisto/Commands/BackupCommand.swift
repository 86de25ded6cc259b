import Archive
import ArgumentParser
import Foundation
import Query

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Consistent backups of the archive, its audit log and erasure journal, with a manifest of SHA-256 checksums.",
        subcommands: [BackupCreateCommand.self, BackupVerifyCommand.self],
        defaultSubcommand: BackupCreateCommand.self)
}

struct BackupCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Copy the archive into a new folder (the default; safe while serve and imports run).",
        discussion: """
            Writes archive.sqlite, audit.sqlite, erasures.jsonl and manifest.json into DIR (created 0700, files 0600). \
            The keys (ARCHIVE.pidkey, ARCHIVE.auditkey) are not copied: back them up separately. Without them \
            identity codes cannot be matched and the audit chain cannot be verified.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("The new (or empty) backup folder.", valueName: "dir")) var to: String
    @Flag(help: "Print the manifest as JSON.") var json = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: archive.path) else { throw ValidationError("no archive at \(archive.path)") }
        let store = try archive.open()
        // Logged before the copy, so the backup's own audit log holds the entry too.
        let trail = AuditTrail(archive: store, actor: AuditActor.resolve(nil))
        try store.appendAudit(trail.entry(.backup, customers: [], request: "backup --to \(to)", results: nil))
        let manifest = try store.backup(to: to)
        if json {
            try Output.json(manifest)
            return
        }
        for file in manifest.files { print("\(file.sha256)  \(file.size)  \(Output.escaped(file.name))") }
        print("backed up \(Output.escaped(archive.path)) to \(Output.escaped(to))"
            + (manifest.auditHead.map { "; audit head \($0)" } ?? ""))
    }
}

struct BackupVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check a backup folder against its manifest and SQLite's integrity check.")

    @Argument(help: ArgumentHelp("The backup folder.", valueName: "dir")) var directory: String

    func run() throws {
        let manifest = try ArchiveBackup.verify(directory)
        print("ok: \(manifest.files.count) files match the manifest of \(manifest.createdAt)")
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup to a new archive path, then re-apply the erasure journal.",
        discussion: """
            Verifies DIR, copies its archive to --archive (which must not exist), copies its audit database unless \
            one exists there already, merges its erasure journal into ARCHIVE.erasures, and re-applies every \
            erasure and retention run the copy predates: a customer erased after the backup stays erased.
            """)

    @Argument(help: ArgumentHelp("The backup folder.", valueName: "dir")) var directory: String
    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp(
        "Another erasure journal to merge and re-apply: the live ARCHIVE.erasures of the archive being replaced, when restoring to another path.",
        valueName: "path"))
    var journal: [String] = []

    func run() throws {
        let manifest = try ArchiveBackup.restore(from: directory, to: archive.path, mergingJournals: journal)
        let store = try archive.open()
        let trail = AuditTrail(archive: store, actor: AuditActor.resolve(nil))
        try store.appendAudit(trail.entry(
            .restore, customers: [], request: "restore \(directory) (backup of \(manifest.createdAt))", results: nil))
        print("restored the backup of \(manifest.createdAt) to \(Output.escaped(archive.path))")
    }
}
