import Foundation
import Hummingbird

/// What every route needs: the archive operations, the pages, the users, sessions and sign-in
/// checks, the admin's import jobs, and the metrics with who may scrape them.
struct ServerState: Sendable {
    let service: ArchiveService
    let pages: PageRenderer
    let users: UserDirectory
    let sessions: SessionStore
    let signIn: SignInService
    let signInTokens: SignInTokens
    let imports: ImportJobs
    let metricsAccess: MetricsAccess

    var metrics: ServerMetrics { service.metrics }

    var gate: Gate { Gate(pages: pages, service: service) }
}

extension Request {
    /// The query string's fields.
    var queryFields: FormFields { FormFields(uri.query ?? "") }

    /// A form post's fields (`application/x-www-form-urlencoded`).
    mutating func formFields(limit: Int) async throws -> FormFields {
        let buffer = try await collectBody(upTo: limit)
        return FormFields(String(buffer: buffer))
    }
}

extension ArkistoRequestContext {
    /// A path parameter, percent-decoded.
    func pathParameter(_ name: String) -> String? {
        guard let raw = parameters.get(name) else { return nil }
        return raw.removingPercentEncoding ?? raw
    }

    /// A numeric id in the path, or 404.
    func idParameter(_ name: String) throws(ReadyResponse) -> Int64 {
        guard let raw = parameters.get(name), let id = Int64(raw), id > 0 else {
            throw ReadyResponse(response: Responses.text("not found", status: .notFound))
        }
        return id
    }
}


extension ServerState {
    /// Runs an operation for a web page off the cooperative threads; a failure becomes the error
    /// page with its status (internal detail only in the server log).
    func web<T: Sendable>(
        _ identity: Identity, _ context: ArkistoRequestContext, _ work: @escaping @Sendable () throws(OperationError) -> T
    ) async throws(ReadyResponse) -> T {
        switch await Offload.result(work) {
        case .success(let value): return value
        case .failure(let error):
            if case .failed(let detail) = error { context.logger.error("operation failed: \(detail)") }
            let message = if case .failed = error { "Palvelussa tapahtui virhe." } else { error.description }
            throw ReadyResponse(response: pages.errorPage(status: error.status, message: message, chrome: PageChrome(identity)))
        }
    }

    /// Runs an operation for the API; a failure becomes `{"error": …}` with its status.
    func api<T: Sendable>(_ context: ArkistoRequestContext, _ work: @escaping @Sendable () throws(OperationError) -> T)
        async throws(ReadyResponse) -> T
    {
        switch await Offload.result(work) {
        case .success(let value): return value
        case .failure(let error):
            if case .failed(let detail) = error { context.logger.error("operation failed: \(detail)") }
            throw ReadyResponse(response: Responses.jsonError(error.status, error.publicMessage))
        }
    }
}
