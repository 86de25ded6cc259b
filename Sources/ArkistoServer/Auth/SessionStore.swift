import Foundation

/// A signed-in browser: who, and the CSRF token its forms must carry.
struct Session: Sendable {
    var id: String
    var userName: String
    var csrf: String
    var created: Date
    var lastSeen: Date
}

/// Sessions in memory, keyed by a random 32-byte id. A session ends when signed out, after
/// `idleTimeout` without a request, or `maximumAge` after sign-in; a restart ends them all.
actor SessionStore {
    let idleTimeout: TimeInterval
    let maximumAge: TimeInterval
    private var sessions: [String: Session] = [:]
    private var lastPurge = Date.distantPast

    init(idleTimeout: TimeInterval = 30 * 60, maximumAge: TimeInterval = 12 * 3600) {
        self.idleTimeout = idleTimeout
        self.maximumAge = maximumAge
    }

    func create(userName: String, now: Date = Date()) throws(SecureRandom.Failure) -> Session {
        let session = Session(
            id: try SecureRandom.token(32), userName: userName, csrf: try SecureRandom.token(32), created: now, lastSeen: now)
        sessions[session.id] = session
        return session
    }

    /// The live session with this id, its idle clock restarted.
    func session(id: String, now: Date = Date()) -> Session? {
        purge(now: now)
        guard var session = sessions[id] else { return nil }
        guard isLive(session, now: now) else {
            sessions[id] = nil
            return nil
        }
        session.lastSeen = now
        sessions[id] = session
        return session
    }

    func end(id: String) {
        sessions[id] = nil
    }

    private func isLive(_ session: Session, now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeen) < idleTimeout && now.timeIntervalSince(session.created) < maximumAge
    }

    private func purge(now: Date) {
        guard now.timeIntervalSince(lastPurge) > 60 else { return }
        lastPurge = now
        sessions = sessions.filter { isLive($0.value, now: now) }
    }
}
