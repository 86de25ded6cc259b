import Query
import ArgumentParser

struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Settings kept with the archive.",
        subcommands: [OwnDomains.self])

    struct OwnDomains: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "own-domains",
            abstract: "The company's own e-mail domains: mail from them is the company's, never a customer's complaint.",
            discussion: "Without domains, prints the current ones. Setting them reclassifies the archive.")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: ArgumentHelp("Domains such as esimerkkiverkko.fi.", valueName: "domain")) var domains: [String] = []

        func run() throws {
            let store = try archive.open()
            if domains.isEmpty {
                print(try store.ownDomains().joined(separator: "\n"))
                return
            }
            try store.setOwnDomains(domains)
            try Classifier(archive: store).apply()
            print("own domains: \(try store.ownDomains().joined(separator: " "))")
        }
    }
}
