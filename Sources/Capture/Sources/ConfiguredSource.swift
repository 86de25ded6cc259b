import Archive
import Foundation

/// A source as configured: its name and what it reads.
public struct ConfiguredSource: Sendable, Equatable {
    public var name: SourceName
    public var settings: SourceSettings
    public var addedAt: Date

    public init(name: SourceName, settings: SourceSettings, addedAt: Date = Date()) {
        self.name = name
        self.settings = settings
        self.addedAt = addedAt
    }

    /// Where it reads from, for people: a folder, a file or an IMAP URL.
    public var location: String {
        switch settings {
        case .maildir(let maildir): maildir.path
        case .imap(let imap): imap.server.url
        case .helpdesk(let helpdesk): helpdesk.folder
        case .calls(let calls): calls.masterCSV
        }
    }

    init(_ stored: StoredSource) throws(SourceRegistryError) {
        do {
            name = try SourceName(stored.name)
            settings = try JSONDecoder().decode(SourceSettings.self, from: Data(stored.settings.utf8))
        } catch {
            throw .unreadableSettings(name: stored.name, reason: "\(error)")
        }
        addedAt = stored.addedAt
    }

    var stored: StoredSource {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(settings)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return StoredSource(name: name.rawValue, kind: settings.kind.rawValue, settings: json, addedAt: addedAt)
    }
}
