import Foundation
import HTTPTypes
import Hummingbird

/// Signing in and out. The sign-in form is protected against cross-site posts by a double-submit
/// token: a random value both in a pre-session cookie and in the form's hidden `csrf` field.
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
        let token = try SecureRandom.token(32)
        var response = state.pages.page(
            LoginTemplate.name, LoginView(csrf: token, username: username, error: error), status: status)
        response.headers.append(HTTPField(name: .setCookie, value: Self.cookie(Self.loginCookie, token, maxAge: 3600)))
        return response
    }

    private func login(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formFields(limit: context.maxUploadSize)
        let username = form["username"]?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let cookie = request.cookies[Self.loginCookie]?.value, !cookie.isEmpty, let sent = form["csrf"],
              ConstantTime.equal(cookie, sent)
        else {
            return try loginForm(username: username, error: "Lomakkeen tarkiste ei täsmää. Yritä uudelleen.", status: .forbidden)
        }
        let password = form["password"] ?? ""
        guard let user = await state.users.verify(name: username, password: password) else {
            return try loginForm(username: username, error: "Väärä käyttäjätunnus tai salasana.", status: .unauthorized)
        }
        let session = try await state.sessions.create(userName: user.name)
        var response = Responses.redirect("/")
        response.headers.append(HTTPField(name: .setCookie, value: Self.cookie(AuthenticationMiddleware.sessionCookie, session.id)))
        response.headers.append(HTTPField(name: .setCookie, value: Self.cookie(Self.loginCookie, "", maxAge: 0)))
        return response
    }

    private func logout(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formFields(limit: context.maxUploadSize)
        let identity = try state.gate.webForm(context, .agent, form)
        if let session = identity.session { await state.sessions.end(id: session.id) }
        var response = Responses.redirect("/login")
        response.headers.append(HTTPField(name: .setCookie, value: Self.cookie(AuthenticationMiddleware.sessionCookie, "", maxAge: 0)))
        return response
    }

    /// `NAME=VALUE; Path=/; HttpOnly; SameSite=Strict` (and `Max-Age` when given).
    static func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> String {
        "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict" + (maxAge.map { "; Max-Age=\($0)" } ?? "")
    }
}
