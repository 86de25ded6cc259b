import Foundation

/// Checks a sign-in: the throttle first (a refused attempt is answered at once and never
/// hashed), then the password on the bounded ``HashingPool``, outside the user lookup that every
/// request takes.
struct SignInService: Sendable {
    let users: UserDirectory
    let throttle: SignInThrottle
    let hashing: HashingPool

    enum Outcome: Sendable {
        case signedIn(UserAccount)
        /// Wrong name or password; `locked` names what this failure locked.
        case wrong(locked: [ThrottleKey])
        /// Throttled: try again after `retryAfter` seconds.
        case throttled(retryAfter: Int, locked: Bool, newlyLocked: [ThrottleKey])
        /// Too many sign-ins are being checked at once.
        case busy
    }

    func attempt(name: String, password: String, address: String) async -> Outcome {
        let (decision, newlyLocked) = await throttle.check(account: name, address: address)
        if case .refused(let retryAfter, let locked) = decision {
            return .throttled(retryAfter: retryAfter, locked: locked, newlyLocked: newlyLocked)
        }
        let (user, hash) = await users.credentials(name: name)
        let matches: Bool
        do {
            matches = try await hashing.run { hash.matches(password) }
        } catch {
            await throttle.abandoned(account: name)
            return .busy
        }
        guard matches, let user else {
            return .wrong(locked: await throttle.failed(account: name, address: address))
        }
        await throttle.succeeded(account: name)
        return .signedIn(user)
    }
}
