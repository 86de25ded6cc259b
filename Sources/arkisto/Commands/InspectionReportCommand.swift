import Archive
import ArgumentParser
import Foundation
import Query

struct InspectionReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the case's report: report.html (Finnish), report.json, originals/ with manifest.json.",
        discussion: """
            Only interactions linked to the subject by exact identifier evidence go in, and weakly linked ones \
            the privacy officer has confirmed (inspection review). Other people's personal data is redacted \
            in the report's text; originals/ holds the messages, comments and recordings the subject sent or received.
            """)

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var key: PersonalIDKeyOptions
    @Option(help: ArgumentHelp("The folder to write (new, empty, or holding an earlier report).", valueName: "dir"))
    var out: String
    @Flag(help: "Print a JSON summary (files, sizes, counts, seconds).") var json = false
    @Argument(help: "The case id.") var id: Int64

    func run() throws {
        let started = Date()
        let store = try archive.open()
        let written = try InspectionReports(archive: store, audit: actor.trail(store), hasher: key.hasher(archivePath: archive.path))
            .write(caseID: id, to: out)
        let seconds = Date().timeIntervalSince(started)
        let r = written.report
        if json {
            try Output.json(ReportSummaryJSON(
                caseID: id, folder: written.folder, interactions: r.interactions.count, files: written.files.count,
                bytes: written.bytes, redacted: r.redactions.total, pendingReview: written.pendingReview,
                seconds: (seconds * 1000).rounded() / 1000))
            return
        }
        print("report of case \(id) (\(r.subject.registerID)) written to \(written.folder)")
        print("  \(r.summary.emails) e-mails, \(r.summary.ticketMessages) ticket messages, \(r.summary.calls) calls; "
            + "\(r.summary.originalsCopied) originals; \(r.redactions.total) redactions of other people's data")
        print("  \(written.files.count) files, \(written.bytes) bytes, \(String(format: "%.2f", seconds)) s")
        if written.pendingReview > 0 {
            Output.error("note: \(written.pendingReview) weakly linked interactions await review and are NOT in the report: "
                + "arkisto inspection review \(id)")
        }
    }
}

private struct ReportSummaryJSON: Encodable {
    var caseID: Int64
    var folder: String
    var interactions: Int
    var files: Int
    var bytes: Int
    var redacted: Int
    var pendingReview: Int
    var seconds: Double

    enum CodingKeys: String, CodingKey {
        case caseID = "case_id", folder, interactions, files, bytes, redacted, pendingReview = "pending_review", seconds
    }
}

struct InspectionReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List the case's weakly linked interactions, or decide one (--include REF / --exclude REF).")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var actor: ActorOptions
    @Option(help: ArgumentHelp("It concerns the subject: include it in the report.", valueName: "ref")) var include: [String] = []
    @Option(help: ArgumentHelp("It does not: keep it out.", valueName: "ref")) var exclude: [String] = []
    @Flag(help: "One JSON object per interaction, one per line.") var json = false
    @Argument(help: "The case id.") var id: Int64

    func run() throws {
        let store = try archive.open()
        let reports = InspectionReports(archive: store, audit: actor.trail(store), hasher: nil)
        for ref in include { try reports.decide(caseID: id, sourceRef: ref, decision: .include) }
        for ref in exclude { try reports.decide(caseID: id, sourceRef: ref, decision: .exclude) }
        let items = try reports.reviews(caseID: id)
        for item in items {
            let i = item.entry.interaction
            if json {
                try Output.json(ReviewJSON(
                    sourceRef: i.sourceRef, kind: i.kind.rawValue, occurredAt: i.occurredAt.map(Timestamp.format),
                    subject: i.subject, basis: item.basis.rawValue, decision: item.decision.rawValue,
                    evidence: item.entry.evidence))
            } else {
                let evidence = item.basis == .name ? "the subject's name in the text"
                    : item.entry.evidence.map { "\($0.kind.rawValue) in \($0.location)" }.joined(separator: ", ")
                print(Output.escaped("\(item.decision.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(i.occurredAt.map(Timestamp.format) ?? "(no date)")  "
                    + "\(i.kind.rawValue)  \(i.subject)  ref \(i.sourceRef); evidence: \(evidence)"))
            }
        }
        if !json {
            print("\(items.count) weak links, \(items.filter { $0.decision == .pending }.count) pending")
        }
    }
}

private struct ReviewJSON: Encodable {
    var sourceRef: String
    var kind: String
    var occurredAt: String?
    var subject: String
    var basis: String
    var decision: String
    var evidence: [LinkEvidence]

    enum CodingKeys: String, CodingKey {
        case sourceRef = "source_ref", kind, occurredAt = "occurred_at", subject, basis, decision, evidence
    }
}

struct InspectionRequestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "Messages recognised as inspection requests with no case yet (open one with open --from-interaction REF).")

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "One JSON object per message, one per line.") var json = false

    func run() throws {
        let store = try archive.open()
        let requests = try InspectionCases(archive: store, audit: AuditTrail(archive: store, actor: AuditActor.resolve(nil)))
            .unopenedRequests()
        for (interaction, customers) in requests {
            if json {
                try Output.json(RequestJSON(
                    sourceRef: interaction.sourceRef, kind: interaction.kind.rawValue,
                    occurredAt: interaction.occurredAt.map(Timestamp.format), subject: interaction.subject, customers: customers))
            } else {
                print(Output.escaped("\(interaction.occurredAt.map(Timestamp.format) ?? "(no date)")  \(interaction.kind.rawValue)  "
                    + "\(customers.isEmpty ? "(no customer)" : customers.joined(separator: ","))  \(interaction.subject)  ref \(interaction.sourceRef)"))
            }
        }
        if !json { print("\(requests.count) requests without a case") }
    }
}

private struct RequestJSON: Encodable {
    var sourceRef: String
    var kind: String
    var occurredAt: String?
    var subject: String
    var customers: [String]

    enum CodingKeys: String, CodingKey { case sourceRef = "source_ref", kind, occurredAt = "occurred_at", subject, customers }
}

struct InspectionNoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Print the Art. 15 information reports carry (JSON), or set it from a file (--set FILE).")

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("A JSON file with every key the printed notice has.", valueName: "file")) var set: String?

    func run() throws {
        let store = try archive.open()
        if let set {
            guard let data = FileManager.default.contents(atPath: set) else { throw ValidationError("cannot read \(set)") }
            _ = try RegisterNotice.store(json: data, in: store)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(try RegisterNotice.current(store)), as: UTF8.self))
    }
}
