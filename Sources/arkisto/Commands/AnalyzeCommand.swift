import ArgumentParser
import FinnishText

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show the index terms Arkisto makes of Finnish text (or, with --query, of query words).",
        discussion: "Base forms are shown as +form, stems as ~stem, compound modifiers (found by prefix queries only) as <form; terms at the same position share a line.")

    @Flag(help: "Show what each word looks for in a query instead.")
    var query = false

    @Argument(help: ArgumentHelp("Text to analyse.", valueName: "text"))
    var text: [String]

    func run() throws {
        let analyzer = try FinnishAnalyzer()
        let input = text.joined(separator: " ")
        if query {
            for word in analyzer.words(in: input) {
                print("\(word): " + analyzer.queryTerms(forWord: word).map(Self.display).joined(separator: " "))
            }
            return
        }
        var line: [String] = []
        var current = ""
        analyzer.analyzeDocument(input) { term, range, colocated in
            if !colocated && !line.isEmpty {
                print("\(current): " + line.joined(separator: " "))
                line.removeAll()
            }
            if !colocated {
                current = String(input.utf8.dropFirst(range.lowerBound).prefix(range.count)) ?? ""
            }
            line.append(Self.display(term))
        }
        if !line.isEmpty { print("\(current): " + line.joined(separator: " ")) }
    }

    private static func display(_ term: String) -> String {
        let (namespace, text) = TermNamespace.split(term)
        switch namespace {
        case .surface: return String(text)
        case .baseForm: return "+" + text
        case .stem: return "~" + text
        case .modifier: return "<" + text
        }
    }
}
