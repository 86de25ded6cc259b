import Archive
import Foundation
import Logging

/// One admin import as it runs in the background: what was asked, by whom, how far it has come,
/// and how it ended.
struct ImportJob: Sendable, Encodable {
    enum State: String, Sendable, Encodable {
        case queued
        case running
        case succeeded
        case failed
    }

    /// Records written so far, and (for mail) the percentage of the input read.
    struct Progress: Sendable, Encodable, Equatable {
        var archived = 0
        var alreadyPresent = 0
        var updated = 0
        var quarantined = 0
        var percent: Int?

        enum CodingKeys: String, CodingKey { case archived, alreadyPresent = "already_present", updated, quarantined, percent }
    }

    var id: Int
    var source: String
    var paths: [String]
    var requestedBy: String
    var state: State
    var createdAt: String
    var startedAt: String?
    var finishedAt: String?
    var progress: Progress
    var result: ImportOutcome?
    var error: String?

    enum CodingKeys: String, CodingKey {
        case id, source, paths, requestedBy = "requested_by", state, createdAt = "created_at", startedAt = "started_at"
        case finishedAt = "finished_at", progress, result, error
    }

    var isDone: Bool { state == .succeeded || state == .failed }
}

/// Admin imports as background jobs, run one after another (the archive has one writer). Jobs
/// are kept in memory for the status page and `GET /api/v1/imports/{id}`; every job is audited
/// with who asked, the paths and the result.
actor ImportJobs {
    let folders: ImportFolders
    let service: ArchiveService
    let logger: Logger
    /// Finished jobs kept for their status pages.
    let keep = 100
    private var jobs: [Int: ImportJob] = [:]
    private var nextID = 1
    private var tail: Task<Void, Never>?

    init(folders: ImportFolders, service: ArchiveService, logger: Logger) {
        self.folders = folders
        self.service = service
        self.logger = logger
    }

    /// Checks the paths against the import folders and queues the job; a refusal is audited.
    func submit(_ request: ImportRequest, by identity: Identity) async throws(OperationError) -> ImportJob {
        let what = "import \(request.source.rawValue) \(request.paths.joined(separator: " "))"
        let resolved: [String]
        do throws(OperationError) {
            guard !request.paths.isEmpty else { throw OperationError.invalid("give at least one path") }
            resolved = try request.paths.map { path throws(OperationError) in try folders.resolve(path) }
        } catch {
            await service.record(.importRun, actor: identity.auditActor, request: "\(what): refused: \(error.description)", logger: logger)
            throw error
        }
        let job = ImportJob(
            id: nextID, source: request.source.rawValue, paths: request.paths, requestedBy: identity.user.name, state: .queued,
            createdAt: Timestamp.format(Date()), progress: ImportJob.Progress())
        nextID += 1
        jobs[job.id] = job
        forgetOld()
        let previous = tail
        let work = ImportRequest(source: request.source, paths: resolved)
        tail = Task {
            await previous?.value
            await self.run(job.id, work, identity: identity, what: what)
        }
        return job
    }

    func job(_ id: Int) -> ImportJob? { jobs[id] }

    /// Newest first.
    func all() -> [ImportJob] { jobs.values.sorted { $0.id > $1.id } }

    /// Waits until every queued job has finished (for tests and shutdown).
    func settle() async { await tail?.value }

    private func run(_ id: Int, _ request: ImportRequest, identity: Identity, what: String) async {
        jobs[id]?.state = .running
        jobs[id]?.startedAt = Timestamp.format(Date())
        let service = service
        let logger = logger
        let result = await Offload.result { () throws(OperationError) in
            try service.runImport(
                request,
                progress: { tally, fraction in Task { await self.advance(id, tally, fraction: fraction) } },
                logDetail: { detail in logger.error("import job \(id) failed: \(detail)") })
        }
        // The audit entry is written before the job shows as finished.
        switch result {
        case .success(let outcome):
            await service.record(
                .importRun, actor: identity.auditActor,
                request: "\(what): archived \(outcome.archived), already present \(outcome.alreadyPresent), "
                    + "updated \(outcome.updated), quarantined \(outcome.quarantined)",
                results: outcome.archived, logger: logger)
            service.metrics.recorded(
                via: .import, source: request.source.rawValue, archived: outcome.archived, updated: outcome.updated,
                quarantined: outcome.quarantined)
            jobs[id]?.result = outcome
            jobs[id]?.progress = ImportJob.Progress(
                archived: outcome.archived, alreadyPresent: outcome.alreadyPresent, updated: outcome.updated,
                quarantined: outcome.quarantined, percent: 100)
            jobs[id]?.state = .succeeded
        case .failure(let error):
            await service.record(.importRun, actor: identity.auditActor, request: "\(what): failed", logger: logger)
            jobs[id]?.error = error.publicMessage
            jobs[id]?.state = .failed
        }
        jobs[id]?.finishedAt = Timestamp.format(Date())
    }

    /// Progress reports arrive as tasks, possibly out of order: an older (smaller) tally is ignored.
    private func advance(_ id: Int, _ tally: ImportTally, fraction: Double?) {
        guard let job = jobs[id], job.state == .running,
              tally.total >= job.progress.archived + job.progress.alreadyPresent + job.progress.updated + job.progress.quarantined
        else { return }
        jobs[id]?.progress = ImportJob.Progress(
            archived: tally.archived, alreadyPresent: tally.alreadyPresent, updated: tally.updated, quarantined: tally.quarantined,
            percent: fraction.map { Int(($0 * 100).rounded(.down)) })
    }

    private func forgetOld() {
        let done = jobs.values.filter(\.isDone).map(\.id).sorted()
        for id in done.dropLast(keep) { jobs[id] = nil }
    }
}
