import Foundation

/// The folder of one backup: created 0700, its manifest, its files' sizes and digests.
enum BackupFolder {
    /// Creates `directory` 0700, or accepts an empty existing directory (made 0700).
    static func prepare(_ directory: String) throws(BackupError) {
        if SecureFiles.isDirectory(directory) {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            guard contents.isEmpty else { throw .folder(path: directory, reason: "not empty: give a new folder for each backup") }
            do { try SecureFiles.setPermissions(0o700, of: directory) } catch { throw .folder(path: directory, reason: error.reason) }
            return
        }
        do { try SecureFiles.createDirectory(at: directory) } catch { throw .folder(path: directory, reason: error.reason) }
    }

    static func describe(directory: String, name: String) throws(BackupError) -> BackupManifest.File {
        let path = directory + "/" + name
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.int64Value
        else { throw .file(path: path, reason: "missing") }
        do {
            return BackupManifest.File(name: name, size: size, sha256: try FileDigest.sha256(ofFileAt: path).hex)
        } catch {
            throw .file(path: path, reason: error.reason)
        }
    }

    static func writeManifest(_ manifest: BackupManifest, in directory: String) throws(BackupError) {
        let path = directory + "/" + BackupManifest.Name.manifest
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try SecureFiles.createEmptyFile(at: path)
            try encoder.encode(manifest).write(to: URL(fileURLWithPath: path))
        } catch {
            throw .file(path: path, reason: "\(error)")
        }
    }

    static func readManifest(in directory: String) throws(BackupError) -> BackupManifest {
        let path = directory + "/" + BackupManifest.Name.manifest
        guard let data = FileManager.default.contents(atPath: path) else { throw .file(path: path, reason: "missing or unreadable") }
        do {
            return try JSONDecoder().decode(BackupManifest.self, from: data)
        } catch {
            throw .file(path: path, reason: "not a backup manifest: \(error)")
        }
    }
}
