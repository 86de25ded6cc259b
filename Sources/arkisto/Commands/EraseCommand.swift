import Archive
import ArgumentParser
import Foundation
import Query

struct EraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a data subject (GDPR Art. 17), leaving a tombstone.",
        discussion: """
            Interactions that concern only the subject are removed with their originals, index entries, \
            attachments, mentions and links; those that also concern others are kept with the subject's data \
            redacted and their original withdrawn; quarantined records holding the subject's data are removed; \
            the register record goes. Deleted bytes are overwritten (secure_delete), the full-text index is \
            purged and the write-ahead log emptied. Refused while the customer is on hold or has an open \
            inspection case. Recordings stay where the PBX keeps them: their paths are printed for removal there.
            """)

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var key: PersonalIDKeyOptions
    @Option(help: ArgumentHelp("The data subject (register id, e-mail, phone, customer number).", valueName: "who"))
    var customer: String
    @Option(help: "Why (recorded in the tombstone and the audit log).") var reason: String
    @Flag(help: "Keep the customer's register record (erase only the archived interactions).") var keepRegisterRecord = false
    @Flag(help: "Show what would be removed and redacted, and change nothing.") var dryRun = false
    @Flag(help: "Print the outcome as JSON.") var json = false

    func run() throws {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--reason must say why") }
        let store = try archive.open()
        let trail = actor.trail(store)
        let subject = try CustomerResolver(archive: store).single(customer)
        let service = ErasureService(archive: store, hasher: try key.hasher(archivePath: archive.path))
        let (plan, redactor) = try service.plan(
            subject: subject, reason: reason,
            audit: trail.entry(.erasure, customers: [subject.sourceID], request: "erase: \(reason)", results: nil),
            removeRegisterRecord: !keepRegisterRecord)
        if dryRun {
            print("would erase \(subject.sourceID): remove \(plan.remove.count) interactions, redact \(plan.redact.count), "
                + "remove \(plan.quarantineIDs.count) quarantined records\(keepRegisterRecord ? "" : " and the register record")")
            return
        }
        let counts = try service.run(plan, redactor: redactor)
        if json {
            try Output.json(counts)
            return
        }
        print("erased \(subject.sourceID): removed \(counts.removed.interactions) interactions, \(counts.removed.originals) originals, "
            + "\(counts.removed.threads) threads, \(counts.removed.tickets) tickets; redacted \(counts.interactionsRedacted) "
            + "(\(counts.originalsWithdrawn) originals withdrawn); \(counts.quarantineRemoved) quarantined records; "
            + "register record \(counts.registerRecordRemoved ? "removed" : "kept")")
        if !counts.logTruncated { Output.error("note: the write-ahead log could not be emptied (readers active): run again later") }
        for path in counts.removed.recordingFiles + counts.removed.transcriptFiles {
            print("  remove at the source: " + Output.escaped(path))
        }
    }
}
