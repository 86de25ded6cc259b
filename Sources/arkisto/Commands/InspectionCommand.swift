import Archive
import ArgumentParser
import Foundation
import Query

struct InspectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspection",
        abstract: "Inspection requests (tarkastuspyynnöt, GDPR Art. 15): cases, deadlines, reports.",
        discussion: """
            A case is due one month after receipt (31 January → 28/29 February); it can be extended by two \
            further months at most, with a reason the subject is told. Status: received → identity_verified → \
            delivered, or rejected with a reason.
            """,
        subcommands: [
            InspectionOpenCommand.self, InspectionListCommand.self, InspectionShowCommand.self, InspectionVerifyCommand.self,
            InspectionExtendCommand.self, InspectionDeliverCommand.self, InspectionRejectCommand.self,
            InspectionReportCommand.self, InspectionReviewCommand.self, InspectionRequestsCommand.self,
            InspectionNoticeCommand.self,
        ])
}

struct InspectionOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open a case; prints its id.")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var actor: ActorOptions
    @Option(help: ArgumentHelp("The data subject (register id, e-mail, phone, customer number).", valueName: "who"))
    var customer: String?
    @Option(help: ArgumentHelp("Open the case for an archived request message (its reference, as `inspection requests` lists).",
                               valueName: "ref"))
    var fromInteraction: String?
    @Option(help: ArgumentHelp("The day the request was received (2025-01-31); default: the message's day, else today.",
                               valueName: "date"))
    var received: CivilDate?
    @Option(help: "How it came in: letter, email, web or phone.") var channel: RequestChannel?
    @Option(help: "A note for the case file.") var note: String?
    @Flag(help: "Print the case as JSON.") var json = false

    func validate() throws {
        if customer == nil && fromInteraction == nil { throw ValidationError("give --customer, or --from-interaction REF") }
    }

    func run() throws {
        let store = try archive.open()
        let cases = InspectionCases(archive: store, audit: actor.trail(store))
        var who = customer
        var receivedOn = received
        var via = channel
        if let ref = fromInteraction {
            guard let request = try store.interactionSummary(sourceRef: ref) else {
                throw ValidationError("no interaction with reference '\(ref)'")
            }
            let linked = try store.links(ofInteraction: request.interactionID).filter { $0.strength == .exact }
            if who == nil {
                guard linked.count == 1, let only = linked.first else {
                    throw ValidationError("'\(ref)' is linked to \(linked.count) customers: name one with --customer")
                }
                who = try store.customerSourceIDs(ids: [only.customerID]).first
            }
            receivedOn = receivedOn ?? request.occurredAt.map { CivilDate($0, in: TimeZone(identifier: "Europe/Helsinki") ?? .gmt) }
            via = via ?? (request.kind == .ticket ? .web : request.kind == .call ? .phone : .email)
        }
        guard let who else { throw ValidationError("the request's customer is not in the register") }
        let record = try cases.open(
            customer: who, receivedOn: receivedOn ?? CivilDate.todayInFinland, channel: via ?? .letter, note: note,
            requestRef: fromInteraction)
        if json {
            try Output.json(InspectionCaseJSON(record))
        } else {
            print(record.id)
        }
    }
}

struct InspectionListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases with their deadlines.")

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "Only open cases past their due day.") var overdue = false
    @Option(help: ArgumentHelp("Only open cases due within this many days (7d, 2w).", valueName: "days"))
    var dueWithin: String?
    @Flag(help: "One JSON object per case, one per line.") var json = false

    func run() throws {
        var days: Int?
        if let dueWithin {
            guard let period = RetentionPeriod(dueWithin), period.unit == .days || period.unit == .weeks else {
                throw ValidationError("--due-within takes days or weeks such as 7d or 2w, not '\(dueWithin)'")
            }
            days = period.unit == .weeks ? period.count * 7 : period.count
        }
        let store = try archive.open()
        let today = CivilDate.todayInFinland
        let records = try InspectionCases(archive: store, audit: AuditTrail(archive: store, actor: AuditActor.resolve(nil)))
            .list(today: today, overdue: overdue, dueWithinDays: days)
        for record in records {
            if json {
                try Output.json(InspectionCaseJSON(record, today: today))
            } else {
                print(CaseText(record: record, today: today).line)
            }
        }
        if !json { print("\(records.count) cases") }
    }
}

struct InspectionShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one case.")

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "Print the case as JSON.") var json = false
    @Argument(help: "The case id.") var id: Int64

    func run() throws {
        let store = try archive.open()
        let record = try InspectionCases(archive: store, audit: AuditTrail(archive: store, actor: AuditActor.resolve(nil))).find(id)
        if json {
            try Output.json(InspectionCaseJSON(record, today: CivilDate.todayInFinland))
        } else {
            print(CaseText(record: record, today: CivilDate.todayInFinland).details)
        }
    }
}
