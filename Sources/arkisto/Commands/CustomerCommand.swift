import Archive
import ArgumentParser
import Foundation
import Query

struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer", abstract: "A customer's profile and timeline across all channels.",
        subcommands: [Show.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a customer by register id, e-mail, phone, customer number or Y-tunnus.")
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var actor: ActorOptions
        @Flag(help: "Also list interactions whose only evidence is weak (for review).") var includeWeak = false
        @Flag(help: "Print one JSON object per customer found.") var json = false
        @Flag(help: "Show every customer of the register.") var all = false
        @Argument(help: ArgumentHelp("Who to show.", valueName: "id|email|phone|number")) var who: String?

        func validate() throws {
            if (who == nil) == !all { throw ValidationError("name one customer, or give --all") }
        }

        func run() throws {
            let store = try archive.open()
            let ids = try who.map { try CustomerResolver(archive: store).customerIDs(for: $0) } ?? store.allCustomerIDs()
            if let who, ids.isEmpty {
                throw ValidationError("no customer found for '\(who)'")
            }
            var shown: [(CustomerProfile, [TimelineEntry])] = []
            for id in ids {
                guard let profile = try store.customerProfile(id: id) else { continue }
                shown.append((profile, try store.timeline(customerID: id, includeWeak: includeWeak)))
            }
            try actor.trail(store).viewedCustomers(
                request: (who ?? "--all") + (includeWeak ? " --include-weak" : ""), customerIDs: shown.map(\.0.id),
                interactions: shown.reduce(0) { $0 + $1.1.count })
            for (profile, timeline) in shown {
                if json {
                    try Output.json(CustomerProfileJSON(profile: profile, timeline: timeline))
                } else {
                    print(CustomerText(profile: profile, timeline: timeline).text)
                }
            }
        }
    }
}

private struct CustomerText {
    var profile: CustomerProfile
    var timeline: [TimelineEntry]

    var text: String {
        var lines = ["\(profile.name) (\(profile.sourceID), \(profile.kind.rawValue))"]
        if let address = profile.address { lines.append("  address: \(address)") }
        if let consent = profile.marketingConsent { lines.append("  marketing consent: \(consent ? "yes" : "no")") }
        for identifier in profile.identifiers {
            lines.append("  \(identifier.kind.rawValue): \(identifier.written ?? "(stored as a keyed hash)")")
        }
        let complaints = timeline.filter(\.interaction.isComplaint).count
        lines.append("\(timeline.count) interactions, \(complaints) complaints")
        for entry in timeline {
            let i = entry.interaction
            var flags: [String] = []
            if i.isComplaint { flags.append("COMPLAINT") }
            if i.isInspectionRequest { flags.append("INSPECTION REQUEST") }
            if entry.strength == .weak { flags.append("weak link: review") }
            if entry.shared { flags.append("shared identifier") }
            let when = i.occurredAt.map(Timestamp.format) ?? "(no date)"
            let flagText = flags.isEmpty ? "" : "  [" + flags.joined(separator: ", ") + "]"
            lines.append("  \(when)  \(i.kind.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(i.subject)\(flagText)")
            let evidence = entry.evidence.map { "\($0.kind.rawValue)\($0.value.map { " \($0)" } ?? "") in \($0.location)" }
            lines.append("      ref \(i.sourceRef); evidence: \(evidence.joined(separator: ", "))")
        }
        return lines.map(Output.escaped).joined(separator: "\n")
    }
}
