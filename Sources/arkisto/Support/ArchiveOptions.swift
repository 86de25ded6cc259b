import Archive
import ArgumentParser
import Foundation

/// `--archive PATH`, else `$ARKISTO_ARCHIVE`, else `./arkisto.sqlite`.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive file.", valueName: "path"))
    var archive: String?

    var path: String {
        archive ?? ProcessInfo.processInfo.environment["ARKISTO_ARCHIVE"] ?? ArchiveStore.defaultPath
    }

    func open(tokenizer: IndexTokenizer = .finnish) throws -> ArchiveStore {
        try ArchiveStore(path: path, tokenizer: tokenizer)
    }
}

extension IndexTokenizer: ExpressibleByArgument {}
