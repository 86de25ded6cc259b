import Archive
import Foundation
import HTTPTypes
import Hummingbird

/// Signing in and out. The sign-in form carries a token this server issued (``SignInTokens``),
/// both in a pre-session cookie and in the form's hidden `csrf` field. Failed sign-ins slow down
/// and then lock the account and the client address (``SignInThrottle``); every sign-in, failure,
/// lock and sign-out is in the audit log.
struct SessionRoutes {
    static let loginCookie = "arkisto_login"

    let state: ServerState

    struct LoginView {
        var chrome: PageChrome? = nil
        var csrf: String
        var username: String
        var error: String?
    }

    func register(on router: Router<ArkistoRequestContext>) {
        router.get("/login") { _, context in try self.loginPage(context) }
        router.post("/login") { request, context in try await self.login(request, context) }
        router.post("/logout") { request, context in try await self.logout(request, context) }
    }

    private func loginPage(_ context: ArkistoRequestContext) throws -> Response {
        if context.identity?.session != nil { return Responses.redirect("/") }
        return try loginForm(username: "", error: nil, status: .ok)
    }

    private func loginForm(username: String, error: String?, status: HTTPResponse.Status) throws -> Response {
        let token = try state.signInTokens.issue()
        var response = state.pages.page(
            LoginTemplate.name, LoginView(csrf: token, username: username, error: error), status: status)
        response.headers.append(HTTPField(name: .setCookie, value: Self.cookie(Self.loginCookie, token, maxAge: 3600)))
        return response
    }

    private func login(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formFields(limit: context.maxUploadSize)
        let username = String((form["username"]?.trimmingCharacters(in: .whitespaces) ?? "").prefix(200))
        let address = context.clientAddress
        let who = "sign-in as '\(username.prefix(64))' from \(address)"
        let actor = "web:" + (UserAccount.isValidName(username) ? username : "?")
        guard state.signInTokens.accepts(form: form["csrf"], cookie: request.cookies[Self.loginCookie]?.value) else {
            // Counted against the address, so a flood of forged posts is logged only until it is locked.
            let (alreadyLocked, newlyLocked) = await state.signIn.throttle.refusedForm(address: address)
            state.metrics.signIn(alreadyLocked ? .locked : .failure)
            if !alreadyLocked {
                await state.service.record(
                    .signInFailed, actor: actor, request: who + ": the form token was not issued by this server",
                    logger: context.logger)
                await recordLocks(newlyLocked, actor: actor, context)
            }
            return try loginForm(username: username, error: "Lomakkeen tarkiste ei täsmää. Yritä uudelleen.", status: .forbidden)
        }
        let outcome = await state.signIn.attempt(name: username, password: form["password"] ?? "", address: address)
        state.metrics.signIn(ServerMetrics.SignInOutcome(outcome))
        switch outcome {
        case .signedIn(let user):
            let session = try await state.sessions.create(for: user)
            await state.service.record(.signIn, actor: actor, request: who, logger: context.logger)
            var response = Responses.redirect("/")
            response.headers.append(HTTPField(name: .setCookie, value: Self.cookie(AuthenticationMiddleware.sessionCookie, session.id)))
            response.headers.append(HTTPField(name: .setCookie, value: Self.cookie(Self.loginCookie, "", maxAge: 0)))
            return response
        case .wrong(let locked):
            await state.service.record(.signInFailed, actor: actor, request: who + ": wrong name or password", logger: context.logger)
            await recordLocks(locked, actor: actor, context)
            return try loginForm(username: username, error: "Väärä käyttäjätunnus tai salasana.", status: .unauthorized)
        case .throttled(let retryAfter, let locked, let newlyLocked):
            await recordLocks(newlyLocked, actor: actor, context)
            let message = locked
                ? "Liian monta epäonnistunutta kirjautumista: tunnus tai osoite on lukittu. Yritä uudelleen \(Self.minutes(retryAfter)) kuluttua."
                : "Liian monta yritystä. Odota \(retryAfter) s ja yritä uudelleen."
            var response = try loginForm(username: username, error: message, status: .tooManyRequests)
            response.headers[.retryAfter] = "\(retryAfter)"
            return response
        case .busy:
            var response = try loginForm(
                username: username, error: "Palvelu on kiireinen. Yritä hetken kuluttua uudelleen.", status: .serviceUnavailable)
            response.headers[.retryAfter] = "1"
            return response
        }
    }

    private func recordLocks(_ keys: [ThrottleKey], actor: String, _ context: ArkistoRequestContext) async {
        for key in keys {
            await state.service.record(
                .signInLocked, actor: actor,
                request: "\(key.kind) '\(key.value.prefix(64))' locked for \(Int(state.signIn.throttle.policy.lockDuration / 60)) min",
                logger: context.logger)
        }
    }

    private func logout(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formFields(limit: context.maxUploadSize)
        let identity = try await state.gate.webForm(context, .agent, form)
        if let session = identity.session { await state.sessions.end(id: session.id) }
        await state.service.record(.signOut, actor: identity.auditActor, request: "sign-out", logger: context.logger)
        var response = Responses.redirect("/login")
        response.headers.append(HTTPField(name: .setCookie, value: Self.cookie(AuthenticationMiddleware.sessionCookie, "", maxAge: 0)))
        return response
    }

    private static func minutes(_ seconds: Int) -> String {
        seconds < 60 ? "\(seconds) s" : "\((seconds + 59) / 60) min"
    }

    /// `NAME=VALUE; Path=/; HttpOnly; SameSite=Strict` (and `Max-Age` when given).
    static func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> String {
        "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict" + (maxAge.map { "; Max-Age=\($0)" } ?? "")
    }
}
