import Archive
import Foundation

struct AuditView {
    struct Entry {
        var at: String
        var actor: String
        var action: String
        var customers: String
        var request: String
        var results: String
    }

    static let shownLimit = 500

    var chrome: PageChrome?
    var customer: String
    var since: String
    var entries: [Entry]
    var count: Int
    var shown: Int
    var truncated: Bool

    init(chrome: PageChrome?, customer: String, since: String, entries: [AuditEntry]) {
        self.chrome = chrome
        self.customer = customer
        self.since = since
        count = entries.count
        // Newest first.
        self.entries = entries.suffix(Self.shownLimit).reversed().map { e in
            Entry(at: FinnishFormat.time(e.at), actor: e.actor, action: e.action.rawValue, customers: e.customers.joined(separator: ", "),
                  request: e.request, results: e.resultCount.map(String.init) ?? "")
        }
        shown = self.entries.count
        truncated = count > shown
    }
}

struct ErasureView {
    var chrome: PageChrome?
    var name: String
    var registerID: String
    var path: String
    var remove: Int
    var redact: Int
    var quarantined: Int
    var error: String?
    var done = false
    var removed = 0
    var redacted = 0
    var registerRemoved = false
    var recordings: [String] = []

    init(chrome: PageChrome?, outcome: ErasureOutcome, error: String? = nil) {
        self.chrome = chrome
        name = outcome.name
        registerID = outcome.registerID
        path = FormFields.pathSegment(outcome.registerID)
        remove = outcome.remove
        redact = outcome.redact
        quarantined = outcome.quarantined
        self.error = error
        if let counts = outcome.counts {
            done = true
            removed = counts.removed.interactions
            redacted = counts.interactionsRedacted
            quarantined = counts.quarantineRemoved
            registerRemoved = counts.registerRecordRemoved
            recordings = counts.removed.recordingFiles + counts.removed.transcriptFiles
        }
    }
}

struct ImportView {
    var chrome: PageChrome?
    var error: String?
    var jobs: [ImportJobRow] = []

    init(chrome: PageChrome?, error: String? = nil, jobs: [ImportJob] = []) {
        self.chrome = chrome
        self.error = error
        self.jobs = jobs.map(ImportJobRow.init)
    }
}

/// An import job as the pages show it (templates see stored properties only).
struct ImportJobRow {
    var id: Int
    var source: String
    var paths: String
    var requestedBy: String
    var state: String
    var done: Bool
    var startedAt: String
    var finishedAt: String
    var progress: ImportJob.Progress
    var result: ImportOutcome?
    var error: String?

    init(_ job: ImportJob) {
        id = job.id
        source = job.source
        paths = job.paths.joined(separator: ", ")
        requestedBy = job.requestedBy
        state = job.state.rawValue
        done = job.isDone
        startedAt = job.startedAt ?? ""
        finishedAt = job.finishedAt ?? ""
        progress = job.progress
        result = job.result
        error = job.error
    }
}

struct ImportJobView {
    var chrome: PageChrome?
    var job: ImportJobRow

    init(chrome: PageChrome?, job: ImportJob) {
        self.chrome = chrome
        self.job = ImportJobRow(job)
    }
}
