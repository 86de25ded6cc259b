import Archive
import Foundation
import Ingest

/// A folder the helpdesk writes its exports into: every file is read from where the last run
/// stopped in it (a new file from its start, a grown one from its committed offset, a rewritten
/// one again from its start), a bounded number of ticket lines per run.
struct HelpdeskFolderReader: SourceReader {
    let name: SourceName
    let folder: String

    var watchedFolders: [String] { [folder] }
    var interval: Duration { .seconds(60) }

    mutating func run(_ context: CaptureContext) throws -> SourceRunResult {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            throw HelpdeskFolderError(folder: folder, reason: error.localizedDescription)
        }
        let importer = HelpdeskImporter(archive: context.archive, personalIDKey: context.personalIDKey)
        var result = SourceRunResult()
        var budget = context.maxItemsPerRun
        for fileName in names {
            let path = folder + "/" + fileName
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            guard budget > 0 else {
                result.more = true
                break
            }
            let tail = try importer.runTail(path: path, checkpointKey: Self.checkpointKey(source: name, file: fileName), maxRecords: budget)
            budget -= tail.records
            result.tally.add(tail.tally)
            result.more = result.more || tail.reachedLimit
            if tail.records > 0, let modified = attributes[.modificationDate] as? Date,
               result.newestItemAt.map({ modified > $0 }) ?? true
            {
                result.newestItemAt = modified
            }
        }
        return result
    }

    /// Each export file has its own checkpoint, under the source's name.
    static func checkpointKey(source: SourceName, file: String) -> String {
        source.rawValue + "/" + file
    }
}

struct HelpdeskFolderError: Error, CustomStringConvertible {
    var folder: String
    var reason: String

    var description: String { "\(folder): cannot list the helpdesk export folder: \(reason)" }
}
