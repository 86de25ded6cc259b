import ArgumentParser

@main
struct Arkisto: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Archive and search customer-service interactions.")
}
