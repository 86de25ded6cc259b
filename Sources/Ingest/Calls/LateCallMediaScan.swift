import Archive
import Formats
import Foundation

extension CallImporter {
    /// Attaches the recordings and transcripts that appeared for calls archived without them: only
    /// the calls still missing one are looked at (their expected files checked with `stat`); each
    /// call that gains one is amended (transcript as its text and index row, the identifiers it
    /// mentions, its links, its defects). Returns the ids of the calls amended. Running it again
    /// without new files changes nothing. Complaint classification is the caller's to refresh for
    /// those ids afterwards (`Classifier.apply(to: ClassificationScope(ids:))`), as after any import.
    ///
    /// `recordings`: the folder of the recordings; `transcripts`: the folder of the transcripts
    /// (the recordings folder is looked in as well).
    public func attachLateMedia(recordings: String, transcripts: String) throws(ImportError) -> [Int64] {
        try attachLateMedia(CallMediaFolders(recordings: recordings, transcripts: [transcripts, recordings]))
    }

    func attachLateMedia(_ folders: CallMediaFolders) throws(ImportError) -> [Int64] {
        let waiting = try archiving { () throws(ArchiveError) in try archive.callsAwaitingMedia() }
        var calls: [(id: Int64, item: ImportItem)] = []
        for call in waiting where call.mediaName.map({ hasNewFile(for: call, name: $0, in: folders) }) ?? true {
            guard let bytes = try archiving({ () throws(ArchiveError) in try archive.originalBytes(id: call.originalID) }),
                  let record = CDRReader.record(fromRow: bytes, timeZone: timeZone)
            else { continue }
            let original = IncomingOriginal(
                bytes: bytes, position: SourcePosition(path: call.sourcePath, offset: call.sourceOffset))
            let fresh = interaction(
                of: record, digest: original.digest, recordings: folders.recordings, transcripts: folders.transcripts)
            calls.append((call.interactionID, .archive(original, fresh)))
        }
        guard !calls.isEmpty else { return [] }
        let run = try archiving { () throws(ArchiveError) in
            try archive.beginImportRun(sourceKind: "calls", arguments: ["late media", folders.recordings] + folders.transcripts)
        }
        var tally = ImportTally()
        var amended: [Int64] = []
        for start in stride(from: 0, to: calls.count, by: 1_000) {
            let batch = calls[start..<min(start + 1_000, calls.count)]
            let outcomes = try archiving { () throws(ArchiveError) in try archive.write(batch.map(\.item), run: run) }
            for (call, outcome) in zip(batch, outcomes) {
                tally.add(outcome)
                if outcome == .updated { amended.append(call.id) }
            }
        }
        try archiving { () throws(ArchiveError) in try archive.finishImportRun(run, tally: tally) }
        return amended
    }

    /// Whether a file the call lacks (its recording, its transcript) is there now.
    private func hasNewFile(for call: CallAwaitingMedia, name: String, in folders: CallMediaFolders) -> Bool {
        let files = CallMediaFiles(name: name)
        if !call.hasRecording, FileManager.default.fileExists(atPath: files.recording(in: folders.recordings)) {
            return true
        }
        return !call.hasTranscript
            && folders.transcripts.contains { FileManager.default.fileExists(atPath: files.transcript(in: $0)) }
    }
}

/// The files of a call whose CDR names the recording `name`: the recording, and its WebVTT
/// transcript (the same name with `.vtt`).
struct CallMediaFiles {
    /// The recording's file name (the userfield's last path component).
    var name: String

    func recording(in folder: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }

    func transcript(in folder: String) -> String {
        let vttName = ((name as NSString).deletingPathExtension as NSString).appendingPathExtension("vtt") ?? name
        return (folder as NSString).appendingPathComponent(vttName)
    }
}
