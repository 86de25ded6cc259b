import Archive
import Foundation
import Ingest

/// Asterisk's CDR file captured as the PBX appends to it: read from the committed offset (a
/// rotated file's rest first), a bounded number of records per run, then the recordings and
/// transcripts that appeared for calls archived before are attached to them, and those calls are
/// classified again (their text changed).
struct CallsReader: SourceReader {
    let name: SourceName
    let settings: CallSettings

    var watchedFolders: [String] {
        [cdrFolder, recordingsFolder, transcriptsFolder]
    }
    /// Transcripts may land in a folder made after the watch began: a minute's rescan finds them.
    var interval: Duration { .seconds(60) }

    private var cdrFolder: String { (settings.masterCSV as NSString).deletingLastPathComponent }
    private var recordingsFolder: String { settings.recordings ?? cdrFolder + "/recordings" }
    private var transcriptsFolder: String { settings.transcripts ?? cdrFolder + "/transcripts" }

    mutating func run(_ context: CaptureContext) throws -> SourceRunResult {
        var importer = CallImporter(archive: context.archive, personalIDKey: context.personalIDKey)
        importer.recordingsFolder = recordingsFolder
        importer.transcriptsFolder = transcriptsFolder
        var result = SourceRunResult()
        if FileManager.default.fileExists(atPath: settings.masterCSV) {
            let tail = try importer.runTail(
                path: settings.masterCSV, checkpointKey: name.rawValue, maxRecords: context.maxItemsPerRun)
            result.tally = tail.tally
            result.tally.updated += tail.lateMedia
            result.classify.ids = tail.amendedCallIDs
            result.more = tail.reachedLimit
            if tail.tally.archived > 0 {
                result.newestItemAt = (try? FileManager.default.attributesOfItem(atPath: settings.masterCSV))?[.modificationDate] as? Date
            }
        } else {
            // Asterisk has not written its first record yet; transcripts may still come for calls
            // archived from an earlier file.
            result.classify.ids = try importer.attachLateMedia(recordings: recordingsFolder, transcripts: transcriptsFolder)
            result.tally.updated += result.classify.ids.count
        }
        return result
    }
}
