import Archive
import ArgumentParser
import Foundation
import Query

struct ComplaintsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complaints", abstract: "Complaints (reklamaatiot), newest first.")

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("Only this customer's (id, e-mail, phone or number).", valueName: "who")) var customer: String?
    @Option(help: ArgumentHelp("Only since this date (2025-01-31).", valueName: "date")) var since: SinceDate?
    @Flag(help: "One JSON object per complaint, one per line.") var json = false

    func run() throws {
        let store = try archive.open()
        var customerID: Int64?
        if let customer {
            let ids = try CustomerResolver(archive: store).customerIDs(for: customer)
            guard ids.count == 1, let id = ids.first else {
                throw ValidationError(ids.isEmpty ? "no customer found for '\(customer)'"
                    : "'\(customer)' names \(ids.count) customers; give the register id")
            }
            customerID = id
        }
        let sinceDate = since?.date
        let complaints = try store.complaints(customerID: customerID, since: sinceDate)
        for c in complaints {
            if json {
                try Output.json(InteractionSummaryJSON(c))
            } else {
                print(Output.escaped("\(c.occurredAt.map(Timestamp.format) ?? "(no date)")  \(c.kind.rawValue)  \(c.subject)  (\(c.sourceRef))"))
            }
        }
        if !json { print("\(complaints.count) complaints") }
    }
}

struct UnlinkedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlinked", abstract: "Interactions linked to no customer, newest first.")

    @OptionGroup var archive: ArchiveOptions
    @Option(help: "How many to list.") var limit = 50
    @Flag(help: "One JSON object per interaction, one per line.") var json = false

    func run() throws {
        let (total, page) = try archive.open().unlinkedInteractions(limit: limit)
        for i in page {
            if json {
                try Output.json(InteractionSummaryJSON(i))
            } else {
                print(Output.escaped("\(i.occurredAt.map(Timestamp.format) ?? "(no date)")  \(i.kind.rawValue)  \(i.subject)  (\(i.sourceRef))"))
            }
        }
        if !json { print("\(total) interactions linked to nobody") }
    }
}
