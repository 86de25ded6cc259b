import Hummingbird

/// Who may pass: a signed-in user with a role at least the one asked for. Otherwise the right
/// refusal: the sign-in page (303) or 403 page for the web app; 401 or 403 JSON for the API.
/// Every 403 is written to the audit log.
struct Gate: Sendable {
    let pages: PageRenderer
    let service: ArchiveService

    /// A web page's user; an unsigned request goes to `/login`.
    func web(_ context: ArkistoRequestContext, _ role: Role) async throws(ReadyResponse) -> Identity {
        guard let identity = context.identity, identity.session != nil else {
            throw ReadyResponse(response: Responses.redirect("/login"))
        }
        guard identity.user.role.allows(role) else {
            await refused(identity, context, needed: role)
            throw ReadyResponse(response: pages.errorPage(
                status: .forbidden, message: "Sinulla ei ole oikeutta tähän toimintoon.", chrome: PageChrome(identity)))
        }
        return identity
    }

    /// A form post's user: also the CSRF token of their session must come with the form.
    func webForm(_ context: ArkistoRequestContext, _ role: Role, _ form: FormFields) async throws(ReadyResponse) -> Identity {
        let identity = try await web(context, role)
        guard let session = identity.session, let sent = form["csrf"], ConstantTime.equal(sent, session.csrf) else {
            await service.record(
                .accessDenied, actor: identity.auditActor, request: "\(context.requestLine): missing or wrong form token",
                logger: context.logger)
            throw ReadyResponse(response: pages.errorPage(
                status: .forbidden, message: "Lomakkeen tarkiste puuttuu tai on vanhentunut. Lataa sivu uudelleen.",
                chrome: PageChrome(identity)))
        }
        return identity
    }

    /// An API caller; no or an unknown token is 401.
    func api(_ context: ArkistoRequestContext, _ role: Role) async throws(ReadyResponse) -> Identity {
        guard let identity = context.identity, case .api = identity.channel else {
            var response = Responses.jsonError(.unauthorized, "a valid bearer token is required")
            response.headers[.wwwAuthenticate] = "Bearer realm=\"arkisto\""
            throw ReadyResponse(response: response)
        }
        guard identity.user.role.allows(role) else {
            await refused(identity, context, needed: role)
            throw ReadyResponse(response: Responses.jsonError(.forbidden, "the \(identity.user.role.rawValue) role may not do this"))
        }
        return identity
    }

    private func refused(_ identity: Identity, _ context: ArkistoRequestContext, needed: Role) async {
        await service.record(
            .accessDenied, actor: identity.auditActor,
            request: "\(context.requestLine): needs \(needed.rawValue), has \(identity.user.role.rawValue)", logger: context.logger)
    }
}
