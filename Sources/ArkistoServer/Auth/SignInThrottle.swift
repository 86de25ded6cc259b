import Foundation

/// How sign-in failures are slowed down and locked out.
struct ThrottlePolicy: Sendable {
    /// After the n-th failure in a row (beyond the first `freeFailures`, so that a typo or two
    /// costs nothing) an account waits `firstDelay × 2^(n−freeFailures−1)`, at most `maximumDelay`.
    var firstDelay: TimeInterval = 1
    var maximumDelay: TimeInterval = 60
    var freeFailures = 2
    /// Failures (attempts refused while waiting count too) that lock an account.
    var accountLockAfter = 5
    /// Failures from one client address, over any accounts, that lock the address.
    var addressLockAfter = 20
    var lockDuration: TimeInterval = 15 * 60
    /// Failures older than this are forgotten.
    var memory: TimeInterval = 15 * 60
    /// At most this many accounts and addresses are tracked; the stalest are dropped first.
    var capacity = 10_000
}

/// What is throttled: an account (the name typed, whether or not it exists) or a client address.
enum ThrottleKey: Hashable, Sendable, Comparable {
    case account(String)
    case address(String)

    var kind: String {
        switch self {
        case .account: "account"
        case .address: "address"
        }
    }

    var value: String {
        switch self {
        case .account(let name), .address(let name): name
        }
    }
}

/// A lock in force, for the admin's list.
struct SignInLock: Sendable {
    var kind: String
    var name: String
    var failures: Int
    var lockedUntil: Date
}

/// Sign-in failures per account and per client address, in memory: exponential back-off after
/// each failure, a temporary lock after repeated ones. A refused attempt is answered at once
/// (429 with Retry-After) and never reaches password hashing.
actor SignInThrottle {
    enum Decision: Sendable, Equatable {
        case allowed
        /// Wait `retryAfter` seconds; `locked` when a lock (not just back-off) is the reason.
        case refused(retryAfter: Int, locked: Bool)
    }

    private struct Record {
        var failures = 0
        var lastFailure = Date.distantPast
        var lockedUntil: Date?
    }

    let policy: ThrottlePolicy
    private var records: [ThrottleKey: Record] = [:]
    /// Accounts with an attempt being checked now: one at a time per account, so that parallel
    /// guesses cannot all slip in before the first failure is counted.
    private var checking: Set<String> = []

    init(policy: ThrottlePolicy = ThrottlePolicy()) {
        self.policy = policy
    }

    /// Whether an attempt may go ahead. A refused attempt during back-off counts as a failure;
    /// `newlyLocked` names what this attempt locked. An allowed attempt must end with
    /// ``failed(account:address:now:)``, ``succeeded(account:)`` or ``abandoned(account:)``.
    func check(account: String, address: String, now: Date = Date()) -> (decision: Decision, newlyLocked: [ThrottleKey]) {
        let keys: [ThrottleKey] = [.account(account), .address(address)]
        for key in keys { forgetStale(key, now: now) }
        if let until = keys.compactMap({ records[$0]?.lockedUntil }).max() {
            return (.refused(retryAfter: Self.seconds(until.timeIntervalSince(now)), locked: true), [])
        }
        guard !checking.contains(account) else { return (.refused(retryAfter: 1, locked: false), []) }
        guard let record = records[.account(account)], record.failures > 0 else { return allow(account) }
        let wait = record.lastFailure.addingTimeInterval(delay(after: record.failures)).timeIntervalSince(now)
        guard wait > 0 else { return allow(account) }
        let locked = fail(keys, now: now, restartClock: false)
        let retry = locked.isEmpty ? Self.seconds(wait) : Self.seconds(policy.lockDuration)
        return (.refused(retryAfter: retry, locked: !locked.isEmpty), locked)
    }

    /// Records a wrong password; returns what it locked.
    func failed(account: String, address: String, now: Date = Date()) -> [ThrottleKey] {
        checking.remove(account)
        return fail([.account(account), .address(address)], now: now, restartClock: true)
    }

    /// A sign-in post whose form token this server did not issue (a script, a cross-site post):
    /// a failure of the client address. `alreadyLocked` when the address was locked before it.
    func refusedForm(address: String, now: Date = Date()) -> (alreadyLocked: Bool, newlyLocked: [ThrottleKey]) {
        let key = ThrottleKey.address(address)
        forgetStale(key, now: now)
        if records[key]?.lockedUntil != nil { return (true, []) }
        return (false, fail([key], now: now, restartClock: true))
    }

    /// A correct password: the account's failures are forgotten (the address's stay).
    func succeeded(account: String) {
        checking.remove(account)
        records[.account(account)] = nil
    }

    /// An allowed attempt that was never checked (the hashing pool was full).
    func abandoned(account: String) {
        checking.remove(account)
    }

    private func allow(_ account: String) -> (decision: Decision, newlyLocked: [ThrottleKey]) {
        checking.insert(account)
        return (.allowed, [])
    }

    func locks(now: Date = Date()) -> [SignInLock] {
        records.compactMap { key, record in
            guard let until = record.lockedUntil, until > now else { return nil }
            return SignInLock(kind: key.kind, name: key.value, failures: record.failures, lockedUntil: until)
        }.sorted { ($0.kind, $0.name) < ($1.kind, $1.name) }
    }

    /// Lifts a lock and forgets the failures; whether there was one.
    @discardableResult
    func unlock(_ key: ThrottleKey, now: Date = Date()) -> Bool {
        let wasLocked = (records[key]?.lockedUntil ?? .distantPast) > now
        records[key] = nil
        return wasLocked
    }

    private func fail(_ keys: [ThrottleKey], now: Date, restartClock: Bool) -> [ThrottleKey] {
        var locked: [ThrottleKey] = []
        for key in keys {
            var record = records[key] ?? Record()
            record.failures += 1
            if restartClock || record.lastFailure == .distantPast { record.lastFailure = now }
            let limit = if case .account = key { policy.accountLockAfter } else { policy.addressLockAfter }
            if record.lockedUntil == nil, record.failures >= limit {
                record.lockedUntil = now.addingTimeInterval(policy.lockDuration)
                locked.append(key)
            }
            records[key] = record
        }
        if records.count > policy.capacity { dropStalest() }
        return locked
    }

    private func delay(after failures: Int) -> TimeInterval {
        let counted = failures - policy.freeFailures
        guard counted > 0 else { return 0 }
        return min(policy.firstDelay * pow(2, Double(min(counted - 1, 30))), policy.maximumDelay)
    }

    private func forgetStale(_ key: ThrottleKey, now: Date) {
        guard let record = records[key] else { return }
        if let until = record.lockedUntil {
            if until <= now { records[key] = nil }
        } else if now.timeIntervalSince(record.lastFailure) > policy.memory {
            records[key] = nil
        }
    }

    private func dropStalest() {
        let unlocked = records.filter { $0.value.lockedUntil == nil }.sorted { $0.value.lastFailure < $1.value.lastFailure }
        for (key, _) in unlocked.prefix(records.count - policy.capacity) { records[key] = nil }
    }

    private static func seconds(_ interval: TimeInterval) -> Int { max(1, Int(interval.rounded(.up))) }
}
