import ArgumentParser
import Archive
import Query

struct HoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold", abstract: "Legal holds: a held customer's data is neither erased nor removed by retention.",
        subcommands: [Add.self, Remove.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Place a hold.")
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var actor: ActorOptions
        @Option(help: ArgumentHelp("The customer (register id, e-mail, phone, number).", valueName: "who")) var customer: String
        @Option(help: "Why (a dispute, an authority's request).") var reason: String

        func run() throws {
            let store = try archive.open()
            let subject = try HoldService(archive: store, audit: actor.trail(store)).place(customer: customer, reason: reason)
            print("hold placed on \(subject.sourceID)")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift a hold.")
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var actor: ActorOptions
        @Option(help: ArgumentHelp("The customer.", valueName: "who")) var customer: String

        func run() throws {
            let store = try archive.open()
            let lifted = try HoldService(archive: store, audit: actor.trail(store)).lift(customer: customer)
            print(lifted ? "hold lifted" : "there was no hold on " + Output.escaped(customer))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List holds.")
        @OptionGroup var archive: ArchiveOptions

        func run() throws {
            let store = try archive.open()
            let holds = try store.holds()
            for hold in holds {
                print(Output.escaped("\(hold.customerSourceID)  since \(Timestamp.format(hold.placedAt)) by \(hold.placedBy): \(hold.reason)"))
            }
            print("\(holds.count) holds")
        }
    }
}
