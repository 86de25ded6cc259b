import Archive
import Foundation
import HTTPTypes
import Hummingbird

/// Who is locked out of signing in, and lifting a lock (admins): `/sign-in-locks` for the web app,
/// `/api/v1/sign-in-locks` for the API. Unlocks are audited.
struct SignInLockRoutes {
    let state: ServerState

    struct UnlockBody: Decodable {
        var kind: String
        var name: String
    }

    func register(on router: Router<ArkistoRequestContext>) {
        router.get("/sign-in-locks") { _, context in
            let identity = try await state.gate.web(context, .admin)
            return await page(identity)
        }
        router.post("/sign-in-locks/unlock") { request, context in
            var request = request
            let form = try await request.formFields(limit: context.maxUploadSize)
            let identity = try await state.gate.webForm(context, .admin, form)
            guard let key = Self.key(kind: form["kind"], name: form["name"]) else {
                return await page(identity, error: "Tuntematon lukitus.", status: .badRequest)
            }
            await unlock(key, identity, context)
            return Responses.redirect("/sign-in-locks")
        }
        let api = router.group("/api/v1/sign-in-locks")
        api.get { _, context in
            _ = try await state.gate.api(context, .admin)
            return Responses.json(SignInLocksJSON(locks: await state.signIn.throttle.locks().map(SignInLockJSON.init)))
        }
        api.post("unlock") { request, context in
            var request = request
            let identity = try await state.gate.api(context, .admin)
            let body = try await request.jsonBody(UnlockBody.self, limit: context.maxUploadSize)
            guard let key = Self.key(kind: body.kind, name: body.name) else {
                return Responses.jsonError(.badRequest, "kind must be account or address")
            }
            let wasLocked = await unlock(key, identity, context)
            return Responses.json(UnlockedJSON(kind: key.kind, name: key.value, wasLocked: wasLocked))
        }
    }

    private static func key(kind: String?, name: String?) -> ThrottleKey? {
        guard let name, !name.isEmpty else { return nil }
        switch kind {
        case "account": return .account(name)
        case "address": return .address(name)
        default: return nil
        }
    }

    @discardableResult
    private func unlock(_ key: ThrottleKey, _ identity: Identity, _ context: ArkistoRequestContext) async -> Bool {
        let wasLocked = await state.signIn.throttle.unlock(key)
        await state.service.record(
            .signInUnlocked, actor: identity.auditActor,
            request: "\(key.kind) '\(key.value.prefix(64))' unlocked\(wasLocked ? "" : " (was not locked)")", logger: context.logger)
        return wasLocked
    }

    private func page(_ identity: Identity, error: String? = nil, status: HTTPResponse.Status = .ok) async -> Response {
        let locks = await state.signIn.throttle.locks().map(SignInLockJSON.init)
        return state.pages.page(
            SignInLocksTemplate.name, SignInLocksView(chrome: PageChrome(identity), error: error, locks: locks), status: status)
    }
}

struct SignInLockJSON: Encodable {
    var kind: String
    var name: String
    var failures: Int
    var lockedUntil: String

    enum CodingKeys: String, CodingKey { case kind, name, failures, lockedUntil = "locked_until" }

    init(_ lock: SignInLock) {
        kind = lock.kind
        name = lock.name
        failures = lock.failures
        lockedUntil = Timestamp.format(lock.lockedUntil)
    }
}

struct SignInLocksJSON: Encodable {
    var locks: [SignInLockJSON]
}

struct UnlockedJSON: Encodable {
    var kind: String
    var name: String
    var wasLocked: Bool

    enum CodingKeys: String, CodingKey { case kind, name, wasLocked = "was_locked" }
}

struct SignInLocksView {
    var chrome: PageChrome?
    var error: String?
    var locks: [SignInLockJSON]
}
