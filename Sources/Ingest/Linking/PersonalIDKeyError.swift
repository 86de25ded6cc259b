import Archive

/// Why the personal identity code key could not be loaded or created. Every case names the file.
public enum PersonalIDKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file exists but cannot be opened or read.
    case unreadable(path: String, reason: String)
    /// The path names something other than a regular file.
    case notARegularFile(path: String)
    /// Group or other users may read or write the file.
    case exposed(path: String, permissions: String)
    /// The file holds fewer bytes than a key needs.
    case tooShort(path: String, byteCount: Int)
    /// The file is far larger than a key: probably not a key file at all.
    case tooLong(path: String, byteCount: Int)
    /// A missing key file could not be written.
    case cannotCreate(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            "cannot read the personal identity code key \(path): \(reason)"
        case let .notARegularFile(path):
            "the personal identity code key \(path) is not a regular file"
        case let .exposed(path, permissions):
            "the personal identity code key \(path) has permissions \(permissions); it must be readable by its owner only (chmod 600 \(path))"
        case let .tooShort(path, byteCount):
            "the personal identity code key \(path) holds \(byteCount) bytes; a key needs at least \(PersonalIDKey.minimumByteCount)"
        case let .tooLong(path, byteCount):
            "the personal identity code key \(path) holds \(byteCount) bytes; a key file holds at most \(PersonalIDKey.maximumByteCount) — is this the right file?"
        case let .cannotCreate(path, reason):
            "cannot create the personal identity code key \(path): \(reason)"
        }
    }

    init(_ error: KeyFileError) {
        switch error {
        case let .unreadable(path, reason): self = .unreadable(path: path, reason: reason)
        case let .notARegularFile(path): self = .notARegularFile(path: path)
        case let .exposed(path, permissions): self = .exposed(path: path, permissions: permissions)
        case let .tooLong(path, byteCount): self = .tooLong(path: path, byteCount: byteCount)
        case let .cannotCreate(path, reason): self = .cannotCreate(path: path, reason: reason)
        }
    }
}
