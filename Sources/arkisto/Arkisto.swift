import ArgumentParser

@main
struct Arkisto: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Archive and search a Finnish operator's customer-service interactions.",
        subcommands: [
            ImportCommand.self, ExtractCommand.self, SearchCommand.self, CustomerCommand.self, ComplaintsCommand.self, UnlinkedCommand.self,
            ClassifyCommand.self, SettingsCommand.self, QuarantineCommand.self, OriginalsCommand.self, ParseCommand.self,
            AnalyzeCommand.self, InspectionCommand.self, AuditCommand.self, EraseCommand.self, HoldCommand.self,
            RetentionCommand.self, ServeCommand.self, UsersCommand.self, BackupCommand.self, RestoreCommand.self,
            DoctorCommand.self, SourcesCommand.self, SyncCommand.self, WatchCommand.self,
        ])

    /// Parses and runs the command as the argument parser does; a failure of one of Arkisto's
    /// commands is printed with control characters escaped (``EscapedFailure``). The parser's own
    /// commands (help, version) throw to print, and pass unchanged.
    static func main() async {
        do {
            var command = try await asyncParseAsRoot()
            let isOurs = String(reflecting: type(of: command)).hasPrefix("arkisto.")
            do {
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
            } catch {
                throw isOurs ? EscapedFailure.wrapping(error) : error
            }
        } catch {
            exit(withError: error)
        }
    }
}
