import Archive
import ArgumentParser
import Foundation

struct QuarantineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine", abstract: "What imports set aside, and why.",
        subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List quarantined records with their reasons.")
        @OptionGroup var archive: ArchiveOptions
        @Flag(help: "One JSON object per entry, one per line.") var json = false

        func run() throws {
            let entries = try archive.open().quarantineEntries()
            for entry in entries {
                if json {
                    try Output.json(QuarantineJSON(entry))
                } else {
                    print("\(entry.id)\t" + Output.escaped("\(entry.position)") + "\t" + Output.escaped("\(entry.reason.rawValue): \(entry.detail)"))
                }
            }
            if !json { print("\(entries.count) quarantined") }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a quarantined record's raw bytes to standard output.")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The entry id from `quarantine list`.") var id: Int64

        func run() throws {
            guard let bytes = try archive.open().quarantinedBytes(id: id) else {
                throw ValidationError("quarantine entry \(id) does not exist or has no bytes (the source was unreadable)")
            }
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}

private struct QuarantineJSON: Encodable {
    var id: Int64
    var path: String
    var offset: Int64
    var reason: String
    var detail: String
    var size: Int
    var sha256: String?

    init(_ entry: QuarantineEntry) {
        id = entry.id
        path = entry.position.path
        offset = entry.position.offset
        reason = entry.reason.rawValue
        detail = entry.detail
        size = entry.size
        sha256 = entry.sha256
    }
}
