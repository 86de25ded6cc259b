import Archive
import Foundation
import Logging

/// A signed-in browser: who, and the CSRF token its forms must carry.
struct Session: Sendable {
    var id: String
    var userName: String
    /// The user's credentials when the session was opened (``UserAccount/credentialStamp``).
    var credential: String
    var created: Date
    var lastSeen: Date

    /// Derived from the session id, so never stored: a copy of the session file cannot forge it.
    var csrf: String { Base64URL.encode(KeyedDigest.sha256(Array("arkisto-csrf:\(id)".utf8))) }

    var idHash: [UInt8] { Self.idHash(id) }

    static func idHash(_ id: String) -> [UInt8] { KeyedDigest.sha256(Array(id.utf8)) }
}

/// Sessions keyed by a random 32-byte id, kept (as a hash of the id) in a ``SessionFile`` so that
/// they survive a restart. A session ends when signed out, after `idleTimeout` without a request,
/// `maximumAge` after sign-in, or when its user's password changes or the user is removed.
///
/// Last activity is written at most once per `touchInterval`, so an active browser costs one
/// small write a minute, not one per request.
actor SessionStore {
    let idleTimeout: TimeInterval
    let maximumAge: TimeInterval
    let touchInterval: TimeInterval = 60
    private let file: SessionFile
    private let logger: Logger
    private var written: [String: Date] = [:]
    private var lastPurge = Date.distantPast

    init(
        file: SessionFile, idleTimeout: TimeInterval = 30 * 60, maximumAge: TimeInterval = 12 * 3600,
        logger: Logger = Logger(label: "arkisto.sessions")
    ) {
        self.file = file
        self.logger = logger
        self.idleTimeout = idleTimeout
        self.maximumAge = maximumAge
    }

    func create(for user: UserAccount, now: Date = Date()) throws -> Session {
        let session = Session(
            id: try SecureRandom.token(32), userName: user.name, credential: user.credentialStamp, created: now, lastSeen: now)
        try file.insert(StoredSession(
            idHash: session.idHash, userName: session.userName, credential: session.credential, created: now, lastSeen: now))
        written[session.id] = now
        return session
    }

    /// The live session with this id, its idle clock restarted; nil (and the session ended) when
    /// it has expired.
    func session(id: String, now: Date = Date()) -> Session? {
        purge(now: now)
        let found: StoredSession?
        do {
            found = try file.find(idHash: Session.idHash(id))
        } catch {
            logger.error("\(error)")
            return nil
        }
        guard let stored = found else { return nil }
        var session = Session(
            id: id, userName: stored.userName, credential: stored.credential, created: stored.created, lastSeen: stored.lastSeen)
        guard isLive(session, now: now) else {
            end(id: id)
            return nil
        }
        session.lastSeen = now
        if now.timeIntervalSince(written[id] ?? stored.lastSeen) >= touchInterval {
            logged { () throws(SessionFile.Failure) in try file.touch(idHash: session.idHash, at: now) }
            written[id] = now
        }
        return session
    }

    func end(id: String) {
        logged { () throws(SessionFile.Failure) in try file.delete(idHash: Session.idHash(id)) }
        written[id] = nil
    }

    /// Ends every session of a user (a changed password, a removed user).
    func endAll(userName: String) {
        logged { () throws(SessionFile.Failure) in try file.deleteAll(userName: userName) }
    }

    private func isLive(_ session: Session, now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeen) < idleTimeout && now.timeIntervalSince(session.created) < maximumAge
    }

    private func purge(now: Date) {
        guard now.timeIntervalSince(lastPurge) > 60 else { return }
        lastPurge = now
        logged { () throws(SessionFile.Failure) in
            try file.deleteExpired(idleSince: now.addingTimeInterval(-idleTimeout), createdSince: now.addingTimeInterval(-maximumAge))
        }
        written = written.filter { now.timeIntervalSince($0.value) < idleTimeout }
    }

    /// A write to the sessions file whose failure is logged: the request goes on (a session
    /// not ended here still ends by its limits or its user's credentials).
    private func logged(_ write: () throws(SessionFile.Failure) -> Void) {
        do {
            try write()
        } catch {
            logger.error("\(error)")
        }
    }
}
