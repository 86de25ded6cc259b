import Archive
import ArgumentParser

struct OriginalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "originals",
        abstract: "Verify every archived original against its SHA-256 and list where it was found.")

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "One JSON object per original (sha256, size, locations), one per line.") var json = false

    func run() throws {
        var count = 0
        try archive.open().forEachOriginal { original in
            count += 1
            if json {
                try Output.json(OriginalJSON(
                    sha256: original.digest.hex, size: original.bytes.count,
                    locations: original.locations.map { LocationJSON(path: $0.path, offset: $0.offset) }))
            }
        }
        if !json { print("\(count) originals verified: each decompresses to bytes matching its SHA-256") }
    }
}

private struct OriginalJSON: Encodable {
    var sha256: String
    var size: Int
    var locations: [LocationJSON]
}

private struct LocationJSON: Encodable {
    var path: String
    var offset: Int64
}
