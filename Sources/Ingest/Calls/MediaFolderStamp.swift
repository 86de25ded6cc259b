import Foundation

/// When the folders of a calls source last changed (their modification times, which a file created,
/// renamed or removed in them advances). A capture cycle looks for late recordings and
/// transcripts only when the stamp differs from the one saved after the last look: a PBX whose
/// calls name recordings that never come then costs one `stat` per folder, not one per call.
struct MediaFolderStamp: Codable, Equatable {
    /// Modification times in nanoseconds since 1970, by folder; a missing folder is absent.
    var modified: [String: Int64]

    init(of folders: [String]) {
        var modified: [String: Int64] = [:]
        for folder in Set(folders) {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: folder),
                  let date = attributes[.modificationDate] as? Date
            else { continue }
            modified[folder] = Int64((date.timeIntervalSince1970 * 1e9).rounded())
        }
        self.modified = modified
    }

    init?(state: String?) {
        guard let state, let stamp = try? JSONDecoder().decode(Self.self, from: Data(state.utf8)) else { return nil }
        self = stamp
    }

    /// Whether every folder's last change is at least two seconds before `now`.
    func isSettled(at now: Date) -> Bool {
        let limit = Int64(((now.timeIntervalSince1970 - 2) * 1e9).rounded())
        return modified.values.allSatisfy { $0 <= limit }
    }

    var state: String {
        (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
