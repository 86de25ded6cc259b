import Foundation
import GRDB

/// What an audit entry records.
public enum AuditAction: String, Sendable, Codable, CaseIterable {
    case search
    case customerView = "customer_view"
    case inspectionOpen = "inspection_open"
    case inspectionStatus = "inspection_status"
    case inspectionReport = "inspection_report"
    case linkReview = "link_review"
    case erasure
    case retention
    case holdAdd = "hold_add"
    case holdRemove = "hold_remove"
    /// One interaction was shown in full (the web app's message view).
    case interactionView = "interaction_view"
    /// A file was downloaded: an attachment, a recording, a transcript, a report.
    case fileDownload = "file_download"
    /// The audit log itself was read.
    case auditView = "audit_view"
    /// Inspection cases were listed or one case was shown.
    case inspectionView = "inspection_view"
    /// A case's weak-link review list was shown.
    case linkReviewView = "link_review_view"
    /// What an erasure would remove was shown (the erasure page, a dry run).
    case erasurePreview = "erasure_preview"
    /// An erasure was asked for and refused (a hold, an open case, no confirmation).
    case erasureRefused = "erasure_refused"
    /// Server-side files were imported (who, which paths, the result).
    case importRun = "import"
    /// A user signed in.
    case signIn = "sign_in"
    /// A sign-in failed: wrong name or password, or refused while throttled.
    case signInFailed = "sign_in_failed"
    /// Repeated failures locked an account or a client address out of signing in for a while.
    case signInLocked = "sign_in_locked"
    /// An admin lifted a sign-in lock.
    case signInUnlocked = "sign_in_unlocked"
    /// A user signed out.
    case signOut = "sign_out"
    /// A signed-in user was refused a page or an API call their role does not allow (403).
    case accessDenied = "access_denied"
    /// A backup copied the archive (all personal data in it) to a folder.
    case backup
    /// A backup was restored as this archive.
    case restore
}

/// One line of the append-only audit log: who did what, when, about whom, with how many results.
public struct AuditEntry: Sendable, Codable, Equatable {
    /// Assigned by the archive; nil before the entry is stored.
    public var id: Int64?
    public var at: Date
    public var actor: String
    public var action: AuditAction
    /// The register ids (`C00017`) of the customers concerned.
    public var customers: [String]
    /// What was asked: the query, the command's arguments.
    public var request: String
    public var resultCount: Int?

    public init(
        id: Int64? = nil, at: Date, actor: String, action: AuditAction, customers: [String], request: String,
        resultCount: Int?
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.customers = customers
        self.request = request
        self.resultCount = resultCount
    }
}

extension ArchiveStore {
    /// Appends an entry to the audit log's own database (``AuditDatabase``): a short transaction
    /// there that never waits for the archive's writer. Entries can never be changed or removed:
    /// the table's triggers refuse it, and ``verifyAudit(expecting:)`` finds it when done anyway.
    @discardableResult
    public func appendAudit(_ entry: AuditEntry) throws(ArchiveError) -> Int64 {
        try auditLog.append([entry]).first ?? 0
    }

    /// Entries in the order they were written, optionally only those about one customer (by
    /// register id) and from a moment on.
    public func auditEntries(customer: String? = nil, since: Date? = nil) throws(ArchiveError) -> [AuditEntry] {
        try auditLog.entries(customer: customer, since: since)
    }

    /// Checks the audit chain: every entry's MAC, no entry missing, the sealed head, and
    /// `expected`, a head recorded earlier, still in the log.
    public func verifyAudit(expecting expected: AuditHead? = nil) throws(ArchiveError) -> AuditVerification {
        try auditLog.verify(expecting: expected)
    }

    /// Runs a change that must not happen unlogged (an erasure, retention, a hold, a case): its
    /// entry is appended first, in the audit database, before the archive is touched; when the
    /// change then fails, a second entry with the same action records the failure and its reason.
    func auditedWrite<T>(_ entry: AuditEntry, _ body: (Database) throws -> T) throws(ArchiveError) -> T {
        try appendAudit(entry)
        do throws(ArchiveError) {
            return try write(body)
        } catch {
            var failure = entry
            failure.request += " — failed: \(error.message)"
            failure.resultCount = nil
            _ = try? appendAudit(failure)
            throw error
        }
    }
}

extension ArchiveStore {
    /// The register ids (`C00017`) of customers, in the order given; unknown ids are left out.
    public func customerSourceIDs(ids: [Int64]) throws(ArchiveError) -> [String] {
        try read { db in
            try ids.compactMap { try String.fetchOne(db, sql: "SELECT source_id FROM customer WHERE id = ?", arguments: [$0]) }
        }
    }
}
