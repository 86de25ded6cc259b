import ArgumentParser
import Foundation
import Query

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Flag complaints and inspection requests with the archive's classification rules.",
        discussion: """
            Imports classify what they add; run this after changing the rules. The rules are searches in \
            the query language: print them with --print-rules, edit, and apply with --rules FILE (they are \
            then kept with the archive).
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("A rules file to apply and keep.", valueName: "file")) var rules: String?
    @Flag(help: "Print the rules in force and exit.") var printRules = false

    func run() throws {
        let classifier = Classifier(archive: try archive.open())
        if printRules {
            print(try classifier.currentRules().text)
            return
        }
        var newRules: ClassificationRules?
        if let rules {
            guard let data = FileManager.default.contents(atPath: rules) else {
                throw ValidationError("\(rules): cannot read the file")
            }
            newRules = try ClassificationRules(parsing: String(decoding: data, as: UTF8.self), source: rules)
        }
        let counts = try classifier.apply(newRules)
        print("\(counts.complaints) complaints, \(counts.inspectionRequests) inspection requests")
    }
}
