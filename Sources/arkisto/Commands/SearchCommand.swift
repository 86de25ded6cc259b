import Archive
import ArgumentParser
import Foundation
import Query

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search the archive, best matches first.",
        discussion: """
            Words (any inflection), "phrases", prefix*, ="exact form", -excluded, OR and parentheses. \
            A word finds the compounds it ends (lasku: puhelinlaskusta); a prefix also those it begins \
            (lähde*: lähdekoodi). A word typed without ä and ö finds them too (virheilta: virheiltä).

            Fields say where a word must stand. subject:WORD, body:WORD and attachment:WORD (the \
            attachments' names and text, forwarded messages included) take the same forms as any \
            word (subject:"laskun eräpäivä", body:lasku*, body:=laskusta) and groups \
            (body:(lasku OR hyvitys)). from: and to: (to or cc) take an address, @domain or the \
            beginning of a name or an address, or a group (from:(maija OR matti)). filename: takes \
            a word of an attachment's file name, in any case and with or without ä and ö \
            (filename:pdf for the extension, filename:lasku* for a prefix, filename:lasku-2025 for \
            words next to each other, filename:(lasku OR sopimus)). Also customer:, \
            kind:email|ticket|call, is:complaint, is:inspection, has:attachment, tag:, \
            date:2025-01-01..2025-03-31.

            A hit whose words stand only in the participants' names and addresses comes after \
            every hit with them in the subject, the body or an attachment. A snippet from an \
            attachment's text begins with the attachment's name (lasku.pdf: …).
            """)

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var actor: ActorOptions
    @Option(help: "How many results to show.") var limit = 20
    @Option(help: "How many results to skip.") var offset = 0
    @Flag(help: "Show every result.") var all = false
    @Flag(help: "Print one JSON object with `total` and `results`.") var json = false
    @Option(help: ArgumentHelp(
        "Stop the search after this many seconds (0: no limit).", valueName: "seconds"))
    var timeLimit: Double = Double(Search.defaultTimeLimit.components.seconds)
    @Argument(help: ArgumentHelp("The query.", valueName: "query")) var query: [String]

    func validate() throws {
        guard timeLimit >= 0, timeLimit <= 86_400 else {
            throw ValidationError("--time-limit takes 0 (no limit) to 86400 seconds, not \(timeLimit)")
        }
    }

    func run() throws {
        let started = Date()
        let store = try archive.open()
        let text = query.joined(separator: " ")
        let search = Search(archive: store, timeLimit: timeLimit > 0 ? .seconds(timeLimit) : nil)
        let page = try search.run(text, limit: all ? nil : limit, offset: offset)
        let milliseconds = Date().timeIntervalSince(started) * 1000
        try actor.trail(store).searched(query: text, results: page.total)
        if json {
            try Output.json(SearchJSON(page: page, milliseconds: milliseconds))
            return
        }
        let bold = Output.isTerminal
        for (index, hit) in page.hits.enumerated() {
            let when = hit.occurredAt.map(Timestamp.format) ?? "(no date)"
            print(Output.escaped("\(offset + index + 1). [\(hit.kind.rawValue)] \(when)  \(hit.subject)"))
            print("   " + Output.escaped(hit.participants))
            let source = hit.snippetAttachment.map { Output.escaped($0) + ": " } ?? ""
            print("   \(source)\(highlight(hit.snippet, bold: bold))")
            print("   ref: " + Output.escaped(hit.sourceRef))
        }
        print("\(page.total) hits (\(String(format: "%.1f", milliseconds)) ms)")
    }

    /// The snippet on one line, its text escaped and its matches marked (bold on a terminal,
    /// `*…*` otherwise). The markers are replaced around the escaped pieces: escaping first would
    /// turn them into visible `\u{2}`.
    private func highlight(_ snippet: String, bold: Bool) -> String {
        let flat = snippet.split(whereSeparator: \.isNewline).joined(separator: " ")
        let start = bold ? "\u{1B}[1m" : "*", end = bold ? "\u{1B}[0m" : "*"
        return flat.components(separatedBy: SearchHit.highlightStart).map { piece in
            piece.components(separatedBy: SearchHit.highlightEnd).map(Output.escaped).joined(separator: end)
        }.joined(separator: start)
    }
}

private struct SearchJSON: Encodable {
    var total: Int
    var results: [SearchHitJSON]
    var milliseconds: Double

    init(page: SearchPage, milliseconds: Double) {
        total = page.total
        self.milliseconds = (milliseconds * 10).rounded() / 10
        results = page.hits.map { SearchHitJSON($0) }
    }
}
