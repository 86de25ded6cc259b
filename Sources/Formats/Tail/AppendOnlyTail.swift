import FileInput
import Foundation

/// One file to read in a run over an append-only source, from where reading starts.
public struct TailSegment: Sendable {
    public var path: String
    public let file: ReadOnlyFile
    public var identity: FileIdentity
    public var start: FileStart
    /// The file a writer may still be appending to (its last record may be incomplete); false for a
    /// file rotated away, whose last record is as complete as it will ever be.
    public var isLive: Bool
}

/// The files a run over an append-only source reads, in order, and what it found on the way.
public struct TailPlan: Sendable {
    public var segments: [TailSegment]
    /// For the log: a rotation followed, a truncation, an old file not found.
    public var notes: [String]
}

/// Decides where a run over an append-only file starts, from the position the last run saved.
///
/// - The same file (same device and inode) still holding the bytes read: on from the position.
/// - The same file shorter, or with other bytes before the position (truncated in place, rewritten):
///   from its start; records archived before are recognised by their digest.
/// - Another file at the path (rotated): first the rest of the old file, found in the same folder by
///   its inode under whatever name it has now (`Master.csv.1`, `Master.csv-20261206`), from the
///   position; then the new file from its start. An old file no longer there is noted: what was
///   appended to it after the last run is not in the archive.
public enum AppendOnlyTail {
    public static func plan(path: String, saved: AppendOnlyPosition?) throws(FormatFileError) -> TailPlan {
        let live = try ReadOnlyFile.opening(path)
        let identity = try identify(live)
        var plan = TailPlan(segments: [], notes: [])
        var start = FileStart.beginning
        if let saved {
            switch try result(saved.change(in: live), path) {
            case .grown(let position):
                start = position
            case .truncated:
                plan.notes.append("\(path): shorter than before or rewritten: read again from the start")
            case .rotated:
                if let old = try rotatedFile(of: saved, beside: path) {
                    plan.segments.append(old)
                    plan.notes.append("\(path): rotated; the rest of the old file read from \(old.path)")
                } else {
                    plan.notes.append(
                        "\(path): rotated, and the old file is no longer in its folder: records appended to it "
                            + "after the last run are not archived")
                }
            }
        }
        plan.segments.append(TailSegment(path: path, file: live, identity: identity, start: start, isLive: true))
        return plan
    }

    /// The old file of a rotation, in the folder of `path`, if it is still there and still holds what
    /// was read of it.
    private static func rotatedFile(of saved: AppendOnlyPosition, beside path: String) throws(FormatFileError) -> TailSegment? {
        let folder = (path as NSString).deletingLastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        for name in names.sorted() {
            let candidate = folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
            guard candidate != path, case .success(let found) = FileIdentity.of(path: candidate),
                  found.identity == saved.file,
                  let file = try? ReadOnlyFile.opening(candidate),
                  case .success(let opened) = file.identity(), opened.identity == saved.file
            else { continue }
            let holds = try result(saved.stillHolds(file, size: opened.size), candidate)
            return TailSegment(
                path: candidate, file: file, identity: saved.file, start: holds ? saved.next : .beginning, isLive: false)
        }
        return nil
    }

    private static func identify(_ file: ReadOnlyFile) throws(FormatFileError) -> FileIdentity {
        try result(file.identity(), file.path).identity
    }

    private static func result<T>(_ result: Result<T, SystemError>, _ path: String) throws(FormatFileError) -> T {
        switch result {
        case .success(let value): return value
        case .failure(let error): throw FormatFileError(path: path, reason: error.description)
        }
    }
}
