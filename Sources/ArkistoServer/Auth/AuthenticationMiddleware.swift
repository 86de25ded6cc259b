import Foundation
import HTTPTypes
import Hummingbird

/// Finds who is asking: under `/api/` an `Authorization: Bearer` token, elsewhere the session
/// cookie. Sets ``ArkistoRequestContext/identity``; the routes decide what each role may do.
/// A session whose user was removed, or whose password changed since sign-in, ends here.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ArkistoRequestContext

    static let sessionCookie = "arkisto_session"

    let users: UserDirectory
    let sessions: SessionStore
    /// Behind a reverse proxy: the client is the last `X-Forwarded-For` entry.
    let trustForwardedFor: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.requestLine = "\(request.method) \(request.uri.path)"
        context.clientAddress = clientAddress(request, context)
        if request.uri.path.hasPrefix("/api/") {
            if let token = Self.bearerToken(request), let user = await users.user(token: token) {
                context.identity = Identity(user: user, channel: .api)
            }
        } else if let id = request.cookies[Self.sessionCookie]?.value, !id.isEmpty,
                  let session = await sessions.session(id: id)
        {
            if let user = await users.user(named: session.userName), user.credentialStamp == session.credential {
                context.identity = Identity(user: user, channel: .web(session))
            } else {
                await sessions.endAll(userName: session.userName)
            }
        }
        return try await next(request, context)
    }

    private func clientAddress(_ request: Request, _ context: Context) -> String {
        if trustForwardedFor, let forwarded = request.headers[values: .xForwardedFor].last,
           let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        {
            return String(last.prefix(64))
        }
        return context.peerAddress ?? "unknown"
    }

    static func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}

extension HTTPField.Name {
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
