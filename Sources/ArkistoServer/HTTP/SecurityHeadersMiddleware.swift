import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: turns every error into a response (a page for the web app, JSON for
/// the API; never an internal message) and puts the security headers on every response.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = ArkistoRequestContext

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let ready as ReadyResponse {
            response = ready.response
        } catch let error as any HTTPResponseError {
            response = errorResponse(request, status: error.status, message: Self.message(for: error.status))
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            response = errorResponse(request, status: .internalServerError, message: "Palvelussa tapahtui virhe.")
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.crossOriginOpenerPolicy] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    private func errorResponse(_ request: Request, status: HTTPResponse.Status, message: String) -> Response {
        if request.uri.path.hasPrefix("/api/") {
            return Responses.jsonError(status, status == .internalServerError ? "internal error" : status.reasonPhrase)
        }
        return pages.errorPage(status: status, message: message, chrome: nil)
    }

    static func message(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "Sivua ei löytynyt."
        case .methodNotAllowed: "Toimintoa ei sallita."
        case .contentTooLarge: "Pyyntö on liian suuri."
        case .badRequest: "Virheellinen pyyntö."
        default: "Pyyntöä ei voitu käsitellä."
        }
    }
}

extension HTTPField.Name {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let crossOriginOpenerPolicy = HTTPField.Name("Cross-Origin-Opener-Policy")!
}
