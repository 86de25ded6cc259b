import Foundation
import GRDB

/// Counts of what an archive holds.
public struct ArchiveCounts: Sendable, Codable, Equatable {
    public var interactions: Int
    public var originals: Int
    public var sourceLocations: Int
    public var quarantined: Int
    public var indexedRows: Int
}

/// An archived original read back and checked against its digest.
public struct ArchivedOriginal: Sendable {
    public var digest: ContentDigest
    public var bytes: [UInt8]
    public var locations: [SourcePosition]
}

extension ArchiveStore {
    public func counts() throws(ArchiveError) -> ArchiveCounts {
        try read { db in
            func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
            return ArchiveCounts(
                interactions: try count("interaction"),
                originals: try count("original"),
                sourceLocations: try count("source_location"),
                quarantined: try count("quarantine"),
                indexedRows: try Int.fetchOne(db, sql: "SELECT count(*) FROM interaction_fts_docsize") ?? 0)
        }
    }

    public func quarantineEntries() throws(ArchiveError) -> [QuarantineEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, source_path, source_offset, reason, detail, size, sha256, quarantined_at
                FROM quarantine ORDER BY id
                """).map { row in
                QuarantineEntry(
                    id: row["id"],
                    position: SourcePosition(path: row["source_path"], offset: row["source_offset"]),
                    reason: QuarantineReason(rawValue: row["reason"]) ?? .malformedRecord,
                    detail: row["detail"],
                    size: row["size"],
                    sha256: (row["sha256"] as Data?).flatMap { ContentDigest(storedBytes: [UInt8]($0))?.hex },
                    quarantinedAt: (row["quarantined_at"] as String?).flatMap(Timestamp.parse) ?? Date(timeIntervalSince1970: 0))
            }
        }
    }

    /// The raw bytes kept for a quarantine entry; nil when the source could not be read at all.
    public func quarantinedBytes(id: Int64) throws(ArchiveError) -> [UInt8]? {
        let row = try read { db in
            try Row.fetchOne(db, sql: "SELECT compression, data, size FROM quarantine WHERE id = ?", arguments: [id])
        }
        guard let row, let data = row["data"] as Data? else { return nil }
        return try unpack(compression: row["compression"], data: data, size: row["size"])
    }

    /// Every original with its locations, decompressed and verified; in id order, streamed so that
    /// memory stays flat.
    public func forEachOriginal(_ body: (ArchivedOriginal) throws -> Void) throws(ArchiveError) {
        try read { db in
            let locations = try db.cachedStatement(sql: """
                SELECT path, source_offset FROM source_location WHERE original_id = ? ORDER BY id
                """)
            let cursor = try Row.fetchCursor(db, sql: "SELECT id, sha256, size, compression, data FROM original ORDER BY id")
            while let row = try cursor.next() {
                let id: Int64 = row["id"]
                let bytes = try unpack(compression: row["compression"], data: row["data"], size: row["size"])
                let stored = ContentDigest(storedBytes: [UInt8](row["sha256"] as Data)) 
                let actual = ContentDigest(of: bytes)
                guard stored == actual else {
                    throw CorruptOriginal(reason: "original \(id): stored SHA-256 \(stored?.hex ?? "?") but content hashes to \(actual.hex)")
                }
                let positions = try Row.fetchAll(locations, arguments: [id]).map {
                    SourcePosition(path: $0["path"], offset: $0["source_offset"])
                }
                try body(ArchivedOriginal(digest: actual, bytes: bytes, locations: positions))
            }
        }
    }

    private func unpack(compression: String, data: Data, size: Int) throws(ArchiveError) -> [UInt8] {
        guard let kind = StoredCompression(rawValue: compression) else {
            throw ArchiveError(path: path, underlying: CorruptOriginal(reason: "unknown compression \(compression)"))
        }
        do {
            return try StoredBytes(compression: kind, data: [UInt8](data), size: size).unpacked()
        } catch {
            throw ArchiveError(path: path, underlying: error)
        }
    }
}
