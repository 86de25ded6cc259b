import Archive
import Foundation
import Ingest
import Query

/// An import of server-side files, as `arkisto import KIND PATH…` (admin only).
struct ImportRequest: Sendable {
    enum Source: String, Sendable, CaseIterable, Codable {
        case mail
        case helpdesk
        case calls
        case customers
    }

    var source: Source
    var paths: [String]
}

struct ImportOutcome: Sendable, Encodable {
    var source: String
    var archived: Int
    var alreadyPresent: Int
    /// Records that replaced a different stored record (a customer given again).
    var updated: Int
    var previouslyRemoved: Int
    var quarantined: Int
    var complaints: Int
    var inspectionRequests: Int
    var seconds: Double

    enum CodingKeys: String, CodingKey {
        case source, archived, alreadyPresent = "already_present", updated, previouslyRemoved = "previously_removed", quarantined
        case complaints, inspectionRequests = "inspection_requests", seconds
    }
}

extension ArchiveService {
    /// Imports already-resolved paths (see ``ImportFolders``), reporting each batch's running
    /// tally and, for mail, the share of the input read. A failure's detail (which may quote the file) goes to `logDetail`, never to the caller.
    func runImport(
        _ request: ImportRequest, progress: (ImportTally, Double?) -> Void, logDetail: (String) -> Void
    ) throws(OperationError) -> ImportOutcome {
        guard !request.paths.isEmpty else { throw .invalid("give at least one path") }
        let started = Date()
        do {
            let key = try PersonalIDKey.loadOrCreate(at: personalIDKeyPath)
            let tally: ImportTally
            switch request.source {
            case .mail:
                tally = try MailImporter(archive: store, personalIDKey: key).run(paths: request.paths) {
                    progress($0.tally, $0.fractionDone)
                }
            case .helpdesk: tally = try HelpdeskImporter(archive: store, personalIDKey: key).run(paths: request.paths) { progress($0, nil) }
            case .calls: tally = try CallImporter(archive: store, personalIDKey: key).run(paths: request.paths) { progress($0, nil) }
            case .customers: tally = try CustomerImporter(archive: store, personalIDKey: key).run(paths: request.paths) { progress($0, nil) }
            }
            let flags = try Classifier(archive: store).apply()
            return ImportOutcome(
                source: request.source.rawValue, archived: tally.archived, alreadyPresent: tally.alreadyPresent,
                updated: tally.updated, previouslyRemoved: tally.previouslyRemoved, quarantined: tally.quarantined, complaints: flags.complaints,
                inspectionRequests: flags.inspectionRequests, seconds: (Date().timeIntervalSince(started) * 1000).rounded() / 1000)
        } catch {
            logDetail("\(error)")
            throw .invalid("the import failed; the reason is in the server log")
        }
    }
}
