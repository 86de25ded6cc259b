import Archive
import Foundation
import Query

/// Inspection requests (GDPR Art. 15): the same calls as `arkisto inspection …`.
extension ArchiveService {
    func cases(_ identity: Identity) -> InspectionCases {
        InspectionCases(archive: store, audit: trail(identity))
    }

    /// The cases (logged: the list names every case's customer).
    func inspectionCases(by identity: Identity) throws(OperationError) -> [InspectionCaseRecord] {
        let list: [InspectionCaseRecord]
        do { list = try cases(identity).list(today: CivilDate.todayInFinland) } catch { throw OperationError(error) }
        try recordNow(
            .inspectionView, identity, customers: Self.distinct(list.map(\.customerSourceID)), request: "inspection list",
            results: list.count)
        return list
    }

    /// One case (logged).
    func inspectionCase(_ id: Int64, by identity: Identity) throws(OperationError) -> InspectionCaseRecord {
        let record: InspectionCaseRecord
        do { record = try cases(identity).find(id) } catch { throw OperationError(error) }
        try recordNow(.inspectionView, identity, customers: [record.customerSourceID], request: "inspection case \(id)", results: 1)
        return record
    }

    /// Messages recognised as inspection requests with no case yet (logged).
    func unopenedRequests(by identity: Identity) throws(OperationError) -> [(interaction: InteractionSummary, customers: [String])] {
        let requests: [(interaction: InteractionSummary, customers: [String])]
        do { requests = try cases(identity).unopenedRequests() } catch { throw OperationError(error) }
        try recordNow(
            .inspectionView, identity, customers: Self.distinct(requests.flatMap(\.customers)),
            request: "unopened inspection requests", results: requests.count)
        return requests
    }

    static func distinct(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    func openInspection(
        customer: String, received: CivilDate?, channel: RequestChannel, note: String?, requestRef: String?, by identity: Identity
    ) throws(OperationError) -> InspectionCaseRecord {
        do {
            return try cases(identity).open(
                customer: customer, receivedOn: received ?? CivilDate.todayInFinland, channel: channel, note: note, requestRef: requestRef)
        } catch {
            throw OperationError(error)
        }
    }

    enum CaseStep: Sendable {
        case verify
        case extend(months: Int, reason: String)
        case deliver
        case reject(reason: String)
    }

    func advance(_ id: Int64, _ step: CaseStep, by identity: Identity) throws(OperationError) -> InspectionCaseRecord {
        let cases = cases(identity)
        do {
            switch step {
            case .verify: return try cases.verifyIdentity(id)
            case .extend(let months, let reason): return try cases.extend(id, months: months, reason: reason)
            case .deliver: return try cases.deliver(id)
            case .reject(let reason): return try cases.reject(id, reason: reason)
            }
        } catch {
            throw OperationError(error)
        }
    }

    /// A case's weak-link review list (logged, with the case's customer).
    func reviews(caseID: Int64, by identity: Identity) throws(OperationError) -> [LinkReviewItem] {
        let items: [LinkReviewItem]
        let record: InspectionCaseRecord
        do {
            record = try cases(identity).find(caseID)
            items = try InspectionReports(archive: store, audit: trail(identity), hasher: nil).reviews(caseID: caseID)
        } catch {
            throw OperationError(error)
        }
        try recordNow(
            .linkReviewView, identity, customers: [record.customerSourceID], request: "link reviews of case \(caseID)",
            results: items.count)
        return items
    }

    func decideReview(caseID: Int64, sourceRef: String, decision: ReviewDecision, by identity: Identity) throws(OperationError) {
        do {
            try InspectionReports(archive: store, audit: trail(identity), hasher: nil)
                .decide(caseID: caseID, sourceRef: sourceRef, decision: decision)
        } catch {
            throw OperationError(error)
        }
    }

    /// Writes the case's report (report.html, report.json, originals/) into a private temporary
    /// folder, returns it as one tar file and removes the folder. Logged as written and downloaded.
    func report(caseID: Int64, by identity: Identity) throws(OperationError) -> DownloadFile {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written: WrittenReport
        do {
            written = try InspectionReports(archive: store, audit: trail(identity), hasher: try hasher())
                .write(caseID: caseID, to: folder.path)
        } catch let error as PrivacyError {
            throw OperationError(error)
        } catch {
            throw error as? OperationError ?? .failed("\(error)")
        }
        let root = "tarkastusraportti-\(caseID)"
        let bytes: [UInt8]
        do {
            bytes = try TarArchive.archive(folder: folder, root: root)
        } catch {
            throw .failed("\(error)")
        }
        try archive { () throws(ArchiveError) in
            try trail(identity).downloaded(
                "report of case \(caseID) (\(written.files.count) files)", registerIDs: [written.report.subject.registerID])
        }
        return DownloadFile(filename: root + ".tar", bytes: bytes)
    }
}
