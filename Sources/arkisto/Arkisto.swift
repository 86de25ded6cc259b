import ArgumentParser

@main
struct Arkisto: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Archive and search a Finnish operator's customer-service interactions.",
        subcommands: [
            ImportCommand.self, SearchCommand.self, CustomerCommand.self, ComplaintsCommand.self, UnlinkedCommand.self,
            ClassifyCommand.self, SettingsCommand.self, QuarantineCommand.self, OriginalsCommand.self, ParseCommand.self,
            AnalyzeCommand.self, InspectionCommand.self, AuditCommand.self, EraseCommand.self, HoldCommand.self,
            RetentionCommand.self, ServeCommand.self, UsersCommand.self, BackupCommand.self, RestoreCommand.self,
            DoctorCommand.self,
        ])
}
