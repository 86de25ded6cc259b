import Foundation
import GRDB

/// A call archived before its recording or transcript existed gets them when a later import (or a
/// capture cycle) finds them: the call row gains the files (path, SHA-256, audio format), the
/// interaction the transcript as its body, its index row is replaced, the identifiers the
/// transcript mentions are added, and the defects of the media now found are updated. The CDR
/// record's original is untouched; what a call already has is never replaced.
enum LateCallMedia {
    /// Amends the stored call with content hash `contentHash` from `fresh` (the same CDR record read
    /// again, with the files found now). Returns the interaction's id when it gained a recording or
    /// a transcript; nil when it is not a stored call or has nothing new.
    static func amend(_ db: Database, with fresh: NewInteraction, contentHash: Data) throws -> Int64? {
        guard case .call(let call) = fresh.details,
              let stored = try Row.fetchOne(db, sql: """
                SELECT i.id, i.defects, c.recording_path IS NOT NULL AS has_recording,
                    c.transcript_path IS NOT NULL AS has_transcript, c.media_name
                FROM interaction i JOIN call c ON c.interaction_id = i.id
                WHERE i.content_hash = ?
                """, arguments: [contentHash])
        else { return nil }
        let id: Int64 = stored["id"]
        if (stored["media_name"] as String?) == nil {
            try db.execute(sql: "UPDATE call SET media_name = ? WHERE interaction_id = ?", arguments: [call.mediaName, id])
        }
        let addsRecording = call.recording != nil && !(stored["has_recording"] as Bool)
        let addsTranscript = call.transcript != nil && !(stored["has_transcript"] as Bool)
        guard addsRecording || addsTranscript else { return nil }

        var defects = Set((stored["defects"] as String).split(separator: " ").map(String.init))
        if addsRecording {
            defects.remove("recording_missing")
            if fresh.defects.contains("recording_unreadable") { defects.insert("recording_unreadable") }
            try db.execute(
                sql: """
                    UPDATE call SET recording_path = ?, recording_sha256 = ?, audio_format = ?, sample_rate = ?,
                        channels = ?, audio_seconds = ?
                    WHERE interaction_id = ?
                    """,
                arguments: [
                    call.recording?.path, call.recording.map { Data($0.digest.bytes) }, call.audioFormat, call.sampleRate,
                    call.channels, call.audioSeconds, id,
                ])
        }
        try FullTextRows.deleteIndexRows(where: "id = ?", db, arguments: [id])
        if addsTranscript {
            if fresh.defects.contains("transcript_unreadable") { defects.insert("transcript_unreadable") }
            try db.execute(
                sql: "UPDATE call SET transcript_path = ?, transcript_sha256 = ? WHERE interaction_id = ?",
                arguments: [call.transcript?.path, call.transcript.map { Data($0.digest.bytes) }, id])
            try db.execute(sql: "UPDATE interaction SET body = ? WHERE id = ?", arguments: [fresh.body, id])
            for m in fresh.mentions {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO interaction_mention (interaction_id, kind, value, location, strength)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [id, m.kind.rawValue, m.value, m.location, m.strength.rawValue])
            }
        }
        // Defects in the order they are usually written, for stable output.
        let order = fresh.defects + defects.sorted()
        var seen = Set<String>()
        let written = order.filter { defects.contains($0) && seen.insert($0).inserted }
        try db.execute(
            sql: "UPDATE interaction SET defects = ? WHERE id = ?", arguments: [written.joined(separator: " "), id])
        try FullTextRows.insertIndexRow(id: id, db)
        return id
    }
}

/// A call of the archive that may still get its recording or transcript.
public struct CallAwaitingMedia: Sendable, Equatable {
    public var interactionID: Int64
    /// The CDR record's original, with one place it was read from.
    public var originalID: Int64
    public var sourcePath: String
    public var sourceOffset: Int64
    /// The recording's file name from the CDR; nil for a call archived before names were kept.
    public var mediaName: String?
    public var hasRecording: Bool
    public var hasTranscript: Bool
}

extension ArchiveStore {
    /// The calls that name a recording but lack it or its transcript, and the calls archived before
    /// recording names were kept (found through a partial index: calls with everything are not read).
    public func callsAwaitingMedia() throws(ArchiveError) -> [CallAwaitingMedia] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.interaction_id, i.original_id, l.path, l.source_offset, c.media_name,
                    c.recording_path IS NOT NULL AS has_recording, c.transcript_path IS NOT NULL AS has_transcript
                FROM call c
                JOIN interaction i ON i.id = c.interaction_id
                JOIN source_location l ON l.id = (SELECT min(id) FROM source_location WHERE original_id = i.original_id)
                WHERE c.media_name IS NULL OR (c.media_name <> '' AND (c.recording_path IS NULL OR c.transcript_path IS NULL))
                ORDER BY c.interaction_id
                """
            ).map { row in
                CallAwaitingMedia(
                    interactionID: row[0], originalID: row[1], sourcePath: row[2], sourceOffset: row[3], mediaName: row[4],
                    hasRecording: row[5], hasTranscript: row[6])
            }
        }
    }
}
