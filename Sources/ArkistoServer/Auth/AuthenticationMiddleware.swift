import Foundation
import Hummingbird

/// Finds who is asking: under `/api/` an `Authorization: Bearer` token, elsewhere the session
/// cookie. Sets ``ArkistoRequestContext/identity``; the routes decide what each role may do.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ArkistoRequestContext

    static let sessionCookie = "arkisto_session"

    let users: UserDirectory
    let sessions: SessionStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if request.uri.path.hasPrefix("/api/") {
            if let token = Self.bearerToken(request), let user = await users.user(token: token) {
                context.identity = Identity(user: user, channel: .api)
            }
        } else if let id = request.cookies[Self.sessionCookie]?.value, !id.isEmpty,
                  let session = await sessions.session(id: id),
                  let user = await users.user(named: session.userName)
        {
            context.identity = Identity(user: user, channel: .web(session))
        }
        return try await next(request, context)
    }

    static func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
