import Foundation
import MIME

/// mbsync writes an `X-TUID:` header line of its own into every message it stores (to find the
/// message again if a sync is cut off). It is not the server's: it is taken out before the
/// message is archived, so the original is the message as the server sent it (with mbsync's LF
/// line endings), and the same mail mirrored again has the same digest.
enum SyncMarkerRemoval {
    static let marker = Array("X-TUID:".utf8)

    /// Rewrites the staged message at `path` without its `X-TUID` line (atomically, through a file
    /// beside it); nothing happens when it has none.
    static func removeMarker(from path: String) throws {
        let url = URL(fileURLWithPath: path)
        // A message over the parser's size limit is quarantined unread: it is not read here either.
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= ParseLimits.default.maxMessageBytes else { return }
        let bytes = [UInt8](try Data(contentsOf: url))
        guard let cleaned = withoutMarker(bytes) else { return }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".arkisto-\(url.lastPathComponent)").path
        try Data(cleaned).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw StagedMessageError(path: path, reason: "cannot replace it with its copy without mbsync's marker: \(reason)")
        }
    }

    /// The message without the `X-TUID` lines of its header; nil when there are none.
    static func withoutMarker(_ bytes: [UInt8]) -> [UInt8]? {
        var kept: [UInt8] = []
        var found = false
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = min(lineEnd + 1, bytes.count)
            let line = bytes[lineStart..<lineEnd]
            // The blank line ends the header: the body is never looked at.
            if line.isEmpty || (line.count == 1 && line.first == 0x0D) {
                kept += bytes[lineStart...]
                return found ? kept : nil
            }
            if line.count >= marker.count, zip(line.prefix(marker.count), marker).allSatisfy({ lowercase($0) == lowercase($1) }) {
                found = true
            } else {
                kept += bytes[lineStart..<next]
            }
            lineStart = next
        }
        return found ? kept : nil
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}

struct StagedMessageError: Error, CustomStringConvertible {
    var path: String
    var reason: String

    var description: String { "\(path): \(reason)" }
}
