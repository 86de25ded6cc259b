import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One erasure or retention run as the journal keeps it. It holds no personal data: the subject's
/// register id and identifiers only as keyed hashes (``JournalHasher``), and the SHA-256 digests
/// of the interactions and originals that went.
public struct ErasureJournalEntry: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case erasure, retention
    }

    /// Random, unique: what an archive records once it has applied the entry.
    public var id: String
    public var at: String
    public var kind: Kind
    /// The keyed hash of the erased customer's register id (`C00017`); nil for retention.
    public var subject: String?
    /// Keyed hashes of the subject's own identifiers (`email:...`).
    public var identifiers: [String]
    /// Content hashes (lowercase hex SHA-256) of the interactions removed.
    public var interactions: [String]
    /// SHA-256 (lowercase hex) of the originals removed or withdrawn.
    public var originals: [String]

    public init(
        id: String, at: String, kind: Kind, subject: String?, identifiers: [String], interactions: [String], originals: [String]
    ) {
        self.id = id
        self.at = at
        self.kind = kind
        self.subject = subject
        self.identifiers = identifiers
        self.interactions = interactions
        self.originals = originals
    }

    /// A new random id (128 bits, hex).
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }
}

/// The erasure journal: a file of JSON lines beside the archive (`ARCHIVE.erasures`, 0600), outside
/// it so that restoring an older copy of the archive cannot take it back. Erasure and retention
/// append to it before they change the archive; an archive that has not applied every entry
/// (a restored backup) applies the missing ones when it is opened or restored.
public struct ErasureJournal: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Every entry, oldest first; none when there is no journal. A last line cut short (a crash
    /// while appending) is ignored; any other unreadable line is an error naming it.
    public func entries() throws(ErasureJournalError) -> [ErasureJournalEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) { throw .unreadable(path: path, line: nil) }
            return []
        }
        var entries: [ErasureJournalEntry] = []
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty {
            do {
                entries.append(try JSONDecoder().decode(ErasureJournalEntry.self, from: Data(line)))
            } catch {
                let isUnfinishedLastLine = index == lines.count - 1
                if !isUnfinishedLastLine { throw .unreadable(path: path, line: index + 1) }
            }
        }
        return entries
    }

    /// Appends entries and makes them durable before returning. Creates the journal 0600.
    public func append(_ new: [ErasureJournalEntry]) throws(ErasureJournalError) {
        guard !new.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8] = []
        for entry in new {
            guard let line = try? encoder.encode(entry) else { throw .cannotWrite(path: path, reason: "cannot encode an entry") }
            bytes += Array(line) + [UInt8(ascii: "\n")]
        }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress.map { $0 + written }, $0.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            written += result
        }
        guard fsync(descriptor) == 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Adds the entries of `other` (a journal copied into a backup) that this one lacks.
    public func merge(_ other: ErasureJournal) throws(ErasureJournalError) {
        let known = Set(try entries().map(\.id))
        try append(try other.entries().filter { !known.contains($0.id) })
    }
}

/// Why the erasure journal could not be read or written.
public enum ErasureJournalError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, line: Int?)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, line):
            "cannot read the erasure journal \(path)" + (line.map { ": line \($0) is not a journal entry" } ?? "")
        case let .cannotWrite(path, reason):
            "cannot write the erasure journal \(path): \(reason)"
        }
    }
}

/// Keyed hashes for the journal: HMAC-SHA256 under a key derived from the audit key, so the
/// journal names no one to a reader without the key.
public struct JournalHasher: Sendable {
    private let hmac: HMACSHA256

    init(auditKey: [UInt8]) {
        hmac = HMACSHA256(key: HMACSHA256(key: auditKey).code(for: Array("arkisto-erasure-journal".utf8)).bytes)
    }

    public func hash(_ text: String) -> String {
        hmac.code(for: Array(text.utf8)).hex
    }

    public func hash(_ identifier: CustomerIdentifier) -> String {
        hash("\(identifier.kind.rawValue):\(identifier.value)")
    }
}
