import Archive
import ArgumentParser
import Foundation

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check (and with --fix, correct) the permissions of the archive, its audit database, keys and journal.",
        discussion: """
            Every file beside the archive holds personal data or a secret and must be readable by its owner only: \
            the archive and its -wal/-shm, the audit database (ARCHIVE.audit) and its -wal/-shm, the audit key \
            (ARCHIVE.auditkey), the personal identity code key (ARCHIVE.pidkey), the erasure journal \
            (ARCHIVE.erasures). Exits with status 1 when a problem is left.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "Take every permission from group and others (chmod go-rwx).") var fix = false

    func run() throws {
        let files = ArchiveFiles(archive: archive.path)
        guard FileManager.default.fileExists(atPath: files.archive) else {
            throw ValidationError("no archive at \(files.archive)")
        }
        let keys = [
            ProcessInfo.processInfo.environment["ARKISTO_PERSONAL_ID_KEY"], ProcessInfo.processInfo.environment["ARKISTO_AUDIT_KEY"],
        ].compactMap { $0 }
        let exposed = ArchivePermissions.exposed(files, also: keys)
        if exposed.isEmpty {
            print("ok: every file of \(Output.escaped(files.archive)) is readable by its owner only")
            return
        }
        if fix {
            try ArchivePermissions.fix(exposed)
            for file in exposed {
                let now = SecureFiles.permissions(of: file.path).map(SecureFiles.octal) ?? "?"
                print("fixed: \(Output.escaped(file.path)) \(SecureFiles.octal(file.permissions)) → \(now)")
            }
            return
        }
        for file in exposed { print("problem: \(Output.escaped(file.description))") }
        print("\(exposed.count) files readable by others: run arkisto doctor --fix")
        throw ExitCode(1)
    }
}
