import Archive
import Foundation
import Ingest

/// A Maildir captured as it fills: the files in `new/` and `cur/` the archive has not read are
/// imported, a bounded number per run. A message file never changes (a client renames it to
/// change its flags, and the archive recognises the bytes), and its place is committed with the
/// message, so a run interrupted at any moment is completed by the next one.
struct MaildirReader: SourceReader {
    let name: SourceName
    let folder: String
    /// The files this process has handled, archived or not: a rescan reads only the others.
    private var handled: Set<String> = []
    /// Done to each file before it is read (an IMAP mirror's files lose mbsync's marker).
    var prepare: ((String) throws -> Void)?
    /// Delete each file once the archive holds it (or has quarantined it): for a Maildir the
    /// archive owns, an IMAP mirror, whose copies erasure would otherwise not reach.
    var removesArchivedFiles = false

    init(name: SourceName, folder: String) {
        self.name = name
        self.folder = folder
    }

    var watchedFolders: [String] { [folder + "/new", folder + "/cur"] }
    var interval: Duration { .seconds(60) }

    mutating func run(_ context: CaptureContext) throws -> SourceRunResult {
        var listed: [String] = []
        var present = Set<String>()
        for sub in ["new", "cur"] {
            let directory = folder + "/" + sub
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory)
            } catch {
                // A Maildir keeps new/ and cur/; one missing is a broken mailbox, not an empty one.
                throw MaildirReadError(folder: directory, reason: "\(error.localizedDescription)")
            }
            for name in names where !name.hasPrefix(".") {
                let path = directory + "/" + name
                present.insert(path)
                if !handled.contains(path) {
                    listed.append(path)
                }
            }
        }
        // What a client renamed or deleted is no longer here: forgetting it keeps memory flat.
        handled.formIntersection(present)
        guard !listed.isEmpty else { return SourceRunResult() }

        listed.sort()
        let batch = listed.prefix(context.maxItemsPerRun).compactMap { path -> (String, Date)? in
            // Renamed by a client since the listing: the next run finds it under its new name.
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
            return (path, attributes[.modificationDate] as? Date ?? Date())
        }
        if let prepare {
            // Files archived before (by another process) are not read again.
            let archived = try context.archive.archivedSourcePaths(batch.map(\.0))
            for (path, _) in batch where !archived.contains(path) { try prepare(path) }
        }
        var importer = MailImporter(archive: context.archive, personalIDKey: context.personalIDKey)
        importer.bulkLoad = false
        importer.jobs = context.jobs
        let tally = try importer.run(messageFiles: batch.map(\.0))
        handled.formUnion(batch.map(\.0))
        if removesArchivedFiles {
            // The run returned: every file of the batch is committed, archived or quarantined
            // with its bytes. A crash before this line leaves files the next run skips (their
            // places are archived) and removes.
            for (path, _) in batch {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        return SourceRunResult(tally: tally, newestItemAt: batch.map(\.1).max(), more: listed.count > context.maxItemsPerRun)
    }
}

struct MaildirReadError: Error, CustomStringConvertible {
    var folder: String
    var reason: String

    var description: String { "\(folder): cannot list the Maildir: \(reason)" }
}
