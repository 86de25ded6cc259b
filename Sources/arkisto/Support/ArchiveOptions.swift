import Archive
import ArgumentParser
import Foundation
import Ingest
import Query

/// `--archive PATH`, else `$ARKISTO_ARCHIVE`, else `./arkisto.sqlite`.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive file.", valueName: "path"))
    var archive: String?

    var path: String {
        archive ?? ProcessInfo.processInfo.environment["ARKISTO_ARCHIVE"] ?? ArchiveStore.defaultPath
    }

    func open(tokenizer: IndexTokenizer = .finnish) throws -> ArchiveStore {
        try ArchiveOpening.open(path: path, tokenizer: tokenizer)
    }
}

/// Opening an archive for a command: warns about files others can read, and brings a restored
/// archive up to its erasure journal before anything reads it.
enum ArchiveOpening {
    /// `$ARKISTO_AUDIT_KEY`, else `ARCHIVE.auditkey`.
    static func auditKeyPath(archivePath: String) -> String {
        ProcessInfo.processInfo.environment["ARKISTO_AUDIT_KEY"] ?? ArchiveFiles(archive: archivePath).auditKey
    }

    static func open(path: String, tokenizer: IndexTokenizer = .finnish, maxSizeBytes: Int64? = nil) throws -> ArchiveStore {
        let store = try ArchiveStore(
            path: path, tokenizer: tokenizer, maxSizeBytes: maxSizeBytes, auditKeyPath: auditKeyPath(archivePath: path))
        for file in ArchivePermissions.exposed(store.files) {
            Output.error("warning: \(file)")
        }
        try replayErasures(store, personalIDKeyPath: nil)
        return store
    }

    /// Re-applies the erasure journal entries the archive lacks (a restored backup), and says so.
    static func replayErasures(_ store: ArchiveStore, personalIDKeyPath: String?) throws {
        guard try !store.pendingErasures().isEmpty else { return }
        let keyPath = personalIDKeyPath ?? ProcessInfo.processInfo.environment["ARKISTO_PERSONAL_ID_KEY"] ?? store.files.personalIDKey
        var hasher: PersonalIDHasher?
        if FileManager.default.fileExists(atPath: keyPath) {
            let key = try PersonalIDKey.loadOrCreate(at: keyPath)
            hasher = { code in key.hash(code) }
        }
        let replay = ErasureJournalReplay(archive: store, hasher: hasher, audit: AuditTrail(archive: store, actor: AuditActor.resolve(nil)))
        let applied = try replay.applyPending()
        Output.error("note: re-applied \(applied.entries) erasure journal entries (\(applied.customers) customers erased again)")
    }
}

extension IndexTokenizer: ExpressibleByArgument {}
