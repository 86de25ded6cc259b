import Archive
import Foundation

/// The sources configured for an archive: added once, kept in the archive, read by every
/// `sync`, `watch` and `serve`.
public struct SourceRegistry: Sendable {
    public var archive: ArchiveStore

    public init(archive: ArchiveStore) {
        self.archive = archive
    }

    /// Adds a source after checking that what it names exists (a folder, the CDR file, the
    /// password file with owner-only permissions). Paths are stored absolute.
    public func add(_ source: ConfiguredSource) throws(SourceRegistryError) {
        let checked = try SourceValidation.checked(source)
        let added: Bool
        do {
            added = try archive.addSource(checked.stored)
        } catch {
            throw .archive(error)
        }
        guard added else { throw .exists(source.name.rawValue) }
    }

    public func all() throws(SourceRegistryError) -> [ConfiguredSource] {
        let stored: [StoredSource]
        do {
            stored = try archive.sources()
        } catch {
            throw .archive(error)
        }
        var sources: [ConfiguredSource] = []
        for source in stored {
            sources.append(try ConfiguredSource(source))
        }
        return sources
    }

    public func source(named name: String) throws(SourceRegistryError) -> ConfiguredSource {
        guard let source = try all().first(where: { $0.name.rawValue == name }) else { throw .notFound(name) }
        return source
    }

    /// Removes a source and its status and checkpoints; what it archived stays in the archive.
    /// What it staged (an IMAP source's mirror, copies of the mail) is deleted. The settings are
    /// not read, so a source whose settings no longer decode can still be removed.
    public func remove(named name: String) throws(SourceRegistryError) {
        let sourceName: SourceName
        do {
            sourceName = try SourceName(name)
        } catch {
            throw .notFound(name)
        }
        let removed: Bool
        do {
            removed = try archive.removeSource(named: name)
        } catch {
            throw .archive(error)
        }
        guard removed else { throw .notFound(name) }
        let staging = Self.staging(of: sourceName, in: archive)
        if FileManager.default.fileExists(atPath: staging) {
            do {
                try FileManager.default.removeItem(atPath: staging)
            } catch {
                throw .stagingNotRemoved(path: staging, reason: error.localizedDescription)
            }
        }
    }

    /// The folder where a source stages what it fetches, under the archive's capture folder.
    static func staging(of name: SourceName, in archive: ArchiveStore) -> String {
        archive.files.captureFolder + "/" + name.rawValue
    }
}

public enum SourceRegistryError: Error, CustomStringConvertible {
    case exists(String)
    case notFound(String)
    case invalid(SourceSettingsError)
    case unreadableSettings(name: String, reason: String)
    case archive(ArchiveError)
    case stagingNotRemoved(path: String, reason: String)

    public var description: String {
        switch self {
        case .exists(let name): "a source named \(name) exists already (arkisto sources remove \(name) first)"
        case .notFound(let name): "no source named \(name) (arkisto sources list shows them)"
        case .invalid(let error): "\(error)"
        case .unreadableSettings(let name, let reason): "source \(name): its stored settings cannot be read: \(reason)"
        case .archive(let error): "\(error)"
        case .stagingNotRemoved(let path, let reason):
            "the source is removed, but the mail it staged in \(path) is not: \(reason); delete the folder"
        }
    }
}
