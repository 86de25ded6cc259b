import FileInput

/// How far a file that only grows at its end (a PBX's `Master.csv`, a helpdesk export appended to)
/// has been read: which file (device and inode), the offset and line count after the last complete
/// record, and a fingerprint of the bytes before that offset. Saved as a source's checkpoint.
public struct AppendOnlyPosition: Sendable, Equatable, Codable {
    public var file: FileIdentity
    /// Where the next run continues.
    public var next: FileStart
    /// ``CommittedBytesDigest`` of the bytes before `next.offset`.
    public var committedDigest: String

    public init(file: FileIdentity, next: FileStart, committedDigest: String) {
        self.file = file
        self.next = next
        self.committedDigest = committedDigest
    }

    /// The position after reading `file` (whose identity is `identity`) up to `next`.
    public static func after(
        _ next: FileStart, in file: ReadOnlyFile, identity: FileIdentity
    ) -> Result<AppendOnlyPosition, SystemError> {
        CommittedBytesDigest.of(file, before: next.offset).map {
            AppendOnlyPosition(file: identity, next: next, committedDigest: $0)
        }
    }

    /// What happened to the file since this position was saved, seen in the file now open at the
    /// same path.
    public func change(in file: ReadOnlyFile) -> Result<AppendOnlyChange, SystemError> {
        let now: (identity: FileIdentity, size: Int64)
        switch file.identity() {
        case .success(let current): now = current
        case .failure(let error): return .failure(error)
        }
        guard now.identity == self.file else { return .success(.rotated) }
        return stillHolds(file, size: now.size).map { $0 ? .grown(from: next) : .truncated }
    }

    /// Whether `file` (of `size` bytes) still starts with the bytes read up to this position.
    public func stillHolds(_ file: ReadOnlyFile, size: Int64) -> Result<Bool, SystemError> {
        guard size >= next.offset else { return .success(false) }
        return CommittedBytesDigest.of(file, before: next.offset).map { $0 == committedDigest }
    }
}

/// What became of an append-only file since its position was saved.
public enum AppendOnlyChange: Sendable, Equatable {
    /// The same file, grown or not: read on from the position.
    case grown(from: FileStart)
    /// The same file, shorter than the position or with other bytes before it (truncated in place,
    /// rewritten): read it again from the start; records already archived are known by digest.
    case truncated
    /// Another file is at the path now (the old one renamed or removed).
    case rotated
}
