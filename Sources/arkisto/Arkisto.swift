import ArgumentParser

@main
struct Arkisto: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Archive and search a Finnish operator's customer-service interactions.",
        subcommands: [
            ImportCommand.self, SearchCommand.self, ParseCommand.self, AnalyzeCommand.self, QuarantineCommand.self,
            OriginalsCommand.self,
        ])
}
