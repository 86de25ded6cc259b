import Archive
import ArgumentParser
import Foundation
import Query

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The append-only audit log: searches, customer views, reports, erasures, retention, holds.",
        subcommands: [AuditListCommand.self, AuditVerifyCommand.self],
        defaultSubcommand: AuditListCommand.self)
}

struct AuditListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print the audit log (the default).")

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("Only entries about this customer (register id, e-mail, phone, number).", valueName: "who"))
    var customer: String?
    @Option(help: ArgumentHelp("Only entries since this date (2025-01-31) or time.", valueName: "date")) var since: SinceDate?
    @Flag(help: "One JSON object per entry, one per line.") var json = false

    func run() throws {
        let store = try archive.open()
        var registerID: String?
        if let customer {
            // An erased customer is no longer in the register: their register id still finds their entries.
            let ids = try CustomerResolver(archive: store).customerIDs(for: customer)
            registerID = ids.count == 1 ? try store.customerSourceIDs(ids: ids).first : customer
        }
        let sinceDate = since?.date
        let entries = try store.auditEntries(customer: registerID, since: sinceDate)
        for entry in entries {
            if json {
                try Output.json(AuditEntryJSON(entry))
            } else {
                let count = entry.resultCount.map { " → \($0)" } ?? ""
                let who = entry.customers.isEmpty ? "" : " [\(entry.customers.joined(separator: ","))]"
                print(Output.escaped("\(Timestamp.format(entry.at))  \(entry.actor)  \(entry.action.rawValue)\(who)  \(entry.request)\(count)"))
            }
        }
        if !json { print("\(entries.count) entries") }
    }
}

struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit log's HMAC chain: finds an edited, deleted, reordered or truncated entry.",
        discussion: """
            Every entry carries HMAC-SHA256 over the previous entry's MAC and its own content, under the audit key \
            (ARCHIVE.auditkey). Record the printed head (ID:MAC) somewhere else, e.g. daily; a later \
            `audit verify --expect-head ID:MAC` then also notices entries cut off after it. Exits with status 1 \
            when the chain does not hold.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("A head recorded earlier, as ID:MAC; it must still be in the log.", valueName: "id:mac"))
    var expectHead: String?
    @Flag(help: "Print the outcome and the chain head as JSON.") var json = false

    func run() throws {
        var expected: AuditHead?
        if let expectHead {
            guard let head = AuditHead(expectHead) else {
                throw ValidationError("--expect-head must be ID:MAC, the id and 64 hex digits as `audit verify` prints them")
            }
            expected = head
        }
        let store = try archive.open()
        let outcome = try store.verifyAudit(expecting: expected)
        if json {
            try Output.json(AuditVerificationJSON(outcome))
        } else {
            for problem in outcome.problems { print(Output.escaped(problem.reason)) }
            let head = outcome.head.map { "head \($0)" } ?? "empty log"
            print(outcome.isIntact ? "ok: \(outcome.entries) entries, \(head)" : "NOT intact: \(outcome.problems.count) problems; \(head)")
        }
        if !outcome.isIntact { throw ExitCode(1) }
    }
}

/// `audit verify --json`: the outcome and the chain head to record.
struct AuditVerificationJSON: Encodable {
    var intact: Bool
    var entries: Int
    var head: String?
    var headID: Int64?
    var headMAC: String?
    var problems: [AuditChainProblem]

    init(_ verification: AuditVerification) {
        intact = verification.isIntact
        entries = verification.entries
        head = verification.head?.description
        headID = verification.head?.id
        headMAC = verification.head?.mac
        problems = verification.problems
    }

    enum CodingKeys: String, CodingKey {
        case intact, entries, head, headID = "head_id", headMAC = "head_mac", problems
    }
}
