import Archive
import ArgumentParser
import Foundation
import Ingest
import Query

/// `--actor NAME` for the audit log, else the operating system's user.
struct ActorOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Who is acting, for the audit log (default: the OS user).", valueName: "name"))
    var actor: String?

    func trail(_ store: ArchiveStore) -> AuditTrail {
        AuditTrail(archive: store, actor: AuditActor.resolve(actor))
    }
}

/// The key with which personal identity codes were hashed at import, to tell the subject's own
/// code from others' in text.
struct PersonalIDKeyOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The personal identity code key file (default: ARCHIVE.pidkey or $ARKISTO_PERSONAL_ID_KEY).", valueName: "path"))
    var personalIDKey: String?

    /// The hasher, or nil when the archive has no key file (then every code found in text is
    /// treated as someone else's in a report, and as the subject's in an erasure). Never creates a key.
    func hasher(archivePath: String) throws -> PersonalIDHasher? {
        let path = personalIDKey ?? ProcessInfo.processInfo.environment["ARKISTO_PERSONAL_ID_KEY"] ?? archivePath + ".pidkey"
        guard FileManager.default.fileExists(atPath: path) else {
            Output.error("note: no personal identity code key at \(path): codes in text cannot be matched to the subject")
            return nil
        }
        let key = try PersonalIDKey.loadOrCreate(at: path)
        return { code in key.hash(code) }
    }
}

extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension RequestChannel: ExpressibleByArgument {}
extension InteractionKind: ExpressibleByArgument {}
