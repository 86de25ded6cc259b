import Archive
import ArgumentParser

/// `arkisto import fingerprint`: counts and digests of what the archive holds, independent of row
/// ids and of how many runs the import took. Hidden: for the crash and resume tests and for
/// checking a resumed import against an uninterrupted one by hand.
struct ImportFingerprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fingerprint", abstract: "Print a fingerprint of the archive's contents as JSON.",
        shouldDisplay: false)

    @OptionGroup var archive: ArchiveOptions

    func run() throws {
        try Output.json(try archive.open().fingerprint())
    }
}
