/// What a backup folder holds, written as `manifest.json` beside the copies: each file's size and
/// SHA-256, and the audit chain's head at the time of the copy.
public struct BackupManifest: Sendable, Codable, Equatable {
    public struct File: Sendable, Codable, Equatable {
        public var name: String
        public var size: Int64
        public var sha256: String
    }

    public var format = 1
    public var createdAt: String
    /// The archive that was copied, as it was named.
    public var source: String
    public var files: [File]
    public var auditHead: AuditHead?
    public var journalEntries: Int

    enum CodingKeys: String, CodingKey {
        case format, createdAt = "created_at", source, files, auditHead = "audit_head", journalEntries = "journal_entries"
    }

    /// The names of the files in a backup folder.
    public enum Name {
        public static let archive = "archive.sqlite"
        public static let audit = "audit.sqlite"
        public static let journal = "erasures.jsonl"
        public static let manifest = "manifest.json"
    }
}

/// Why a backup could not be made, verified or restored; every case names the file.
public enum BackupError: Error, Sendable, Equatable, CustomStringConvertible {
    case folder(path: String, reason: String)
    case file(path: String, reason: String)
    case mismatch(path: String, reason: String)
    case archive(path: String, message: String)

    public var description: String {
        switch self {
        case let .folder(path, reason): "backup folder \(path): \(reason)"
        case let .file(path, reason): "\(path): \(reason)"
        case let .mismatch(path, reason): "\(path) does not match the manifest: \(reason)"
        case let .archive(path, message): "archive \(path): \(message)"
        }
    }
}
