import Archive
import ArgumentParser
import Foundation
import Query

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The append-only audit log: searches, customer views, reports, erasures, retention, holds.")

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("Only entries about this customer (register id, e-mail, phone, number).", valueName: "who"))
    var customer: String?
    @Option(help: ArgumentHelp("Only entries since this date (2025-01-31) or time.", valueName: "date")) var since: SinceDate?
    @Flag(help: "One JSON object per entry, one per line.") var json = false

    func run() throws {
        let store = try archive.open()
        var registerID: String?
        if let customer {
            // An erased customer is no longer in the register: their register id still finds their entries.
            let ids = try CustomerResolver(archive: store).customerIDs(for: customer)
            registerID = ids.count == 1 ? try store.customerSourceIDs(ids: ids).first : customer
        }
        let sinceDate = since?.date
        let entries = try store.auditEntries(customer: registerID, since: sinceDate)
        for entry in entries {
            if json {
                try Output.json(AuditEntryJSON(entry))
            } else {
                let count = entry.resultCount.map { " → \($0)" } ?? ""
                let who = entry.customers.isEmpty ? "" : " [\(entry.customers.joined(separator: ","))]"
                print("\(Timestamp.format(entry.at))  \(entry.actor)  \(entry.action.rawValue)\(who)  \(entry.request)\(count)")
            }
        }
        if !json { print("\(entries.count) entries") }
    }
}
