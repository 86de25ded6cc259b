import Archive
import ArgumentParser
import Query

struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Remove interactions older than the retention period.", subcommands: [Apply.self])

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove interactions older than a period, except those of held customers and open inspection cases.",
            discussion: "Same guarantees as erase: index rows deleted with their exact values and purged, unused "
                + "originals, threads and tickets removed, deleted bytes overwritten, the write-ahead log emptied.")

        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var actor: ActorOptions
        @Option(help: ArgumentHelp("The period: 7y, 18m (months), 6w, 90d.", valueName: "duration")) var olderThan: String
        @Option(help: "Only this kind: email, ticket or call.") var kind: InteractionKind?
        @Flag(help: "Count what would go and change nothing.") var dryRun = false
        @Flag(help: "Print the outcome as JSON.") var json = false

        func run() throws {
            guard let period = RetentionPeriod(olderThan) else {
                throw ValidationError("--older-than takes a period such as 7y, 18m, 6w or 90d, not '\(olderThan)'")
            }
            let store = try archive.open()
            let outcome = try RetentionService(archive: store, audit: actor.trail(store))
                .apply(olderThan: period, kind: kind, dryRun: dryRun)
            if json {
                try Output.json(outcome)
                return
            }
            print("\(outcome.due) interactions older than \(period): \(dryRun ? "would remove" : "removed") "
                + "\(outcome.removed.interactions), kept \(outcome.kept) (holds, open inspection cases); "
                + "\(outcome.undated) undated never expire")
            if !dryRun {
                print("  with \(outcome.removed.originals) originals, \(outcome.removed.threads) threads, \(outcome.removed.tickets) tickets")
                for path in outcome.removed.recordingFiles { print("  remove at the source: " + Output.escaped(path)) }
            }
        }
    }
}
