import Archive
import ArgumentParser
import Query

/// The steps of a case: verify identity, extend, deliver, reject.
struct InspectionVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "The subject's identity has been verified.")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The case id.") var id: Int64

    func run() throws {
        let store = try archive.open()
        let record = try InspectionCases(archive: store, audit: actor.trail(store)).verifyIdentity(id)
        print(CaseText(record: record, today: .todayInFinland).line)
    }
}

struct InspectionExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend", abstract: "Extend the period (two months at most in all), with the reason told to the subject.")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var actor: ActorOptions
    @Option(help: "Why (complexity or number of requests).") var reason: String
    @Option(help: "By how many months (1 or 2).") var months = 2
    @Argument(help: "The case id.") var id: Int64

    func run() throws {
        let store = try archive.open()
        let record = try InspectionCases(archive: store, audit: actor.trail(store)).extend(id, months: months, reason: reason)
        print(CaseText(record: record, today: .todayInFinland).line)
    }
}

struct InspectionDeliverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver", abstract: "The report has been delivered to the subject (closes the case).")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The case id.") var id: Int64

    func run() throws {
        let store = try archive.open()
        let record = try InspectionCases(archive: store, audit: actor.trail(store)).deliver(id)
        print(CaseText(record: record, today: .todayInFinland).line)
    }
}

struct InspectionRejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject the request, with a reason.")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var actor: ActorOptions
    @Option(help: "Why (for example: identity could not be verified).") var reason: String
    @Argument(help: "The case id.") var id: Int64

    func run() throws {
        let store = try archive.open()
        let record = try InspectionCases(archive: store, audit: actor.trail(store)).reject(id, reason: reason)
        print(CaseText(record: record, today: .todayInFinland).line)
    }
}

/// A case as one line or a few.
struct CaseText {
    var record: InspectionCaseRecord
    var today: CivilDate

    var line: String {
        let r = record
        var flags: [String] = []
        if r.isOverdue(on: today) { flags.append("OVERDUE by \(r.dueOn.days(until: today)) days") }
        if r.extensionMonths > 0 { flags.append("extended \(r.extensionMonths) mo") }
        if r.reportWrittenAt != nil { flags.append("report written") }
        return Output.escaped("\(r.id)  \(r.customerSourceID)  received \(r.receivedOn)  due \(r.dueOn)  \(r.status.rawValue)"
            + (flags.isEmpty ? "" : "  [" + flags.joined(separator: ", ") + "]"))
    }

    var details: String {
        let r = record
        var lines = [line, "  channel: \(r.channel.rawValue); opened \(Timestamp.format(r.openedAt)) by \(r.openedBy)"]
        if let note = r.note { lines.append("  note: \(note)") }
        if let reason = r.extensionReason { lines.append("  extension: \(reason)") }
        if let reason = r.statusReason { lines.append("  reason: \(reason)") }
        if let at = r.reportWrittenAt { lines.append("  report: \(Timestamp.format(at)), report.json SHA-256 \(r.reportSHA256 ?? "?")") }
        return lines.map(Output.escaped).joined(separator: "\n")
    }
}

