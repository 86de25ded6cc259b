import Capture
import Hummingbird

/// `GET /metrics`: the Prometheus exposition, for the scrape token or an admin's API token
/// (``MetricsAccess``). The sources' gauges are read from the archive at each scrape.
struct MetricsRoutes {
    let state: ServerState

    func register(on router: Router<ArkistoRequestContext>) {
        router.get("/metrics") { request, context in
            try await authorise(request, context)
            let store = state.service.store
            switch await Offload.result({ () throws(SourceRegistryError) in try SourceStatus.all(archive: store) }) {
            case .success(let statuses): state.metrics.refresh(statuses)
            case .failure(let error): context.logger.error("metrics: cannot read the sources' status: \(LogText.escaped("\(error)"))")
            }
            var response = Responses.text("", contentType: "text/plain; version=0.0.4; charset=utf-8")
            response.body = ResponseBody(byteBuffer: ByteBuffer(bytes: state.metrics.exposition()))
            return response
        }
    }

    /// The scrape token passes; otherwise the caller must be an admin by API token, refused as
    /// the API refuses (401 without a known token, 403 audited for another role).
    private func authorise(_ request: Request, _ context: ArkistoRequestContext) async throws(ReadyResponse) {
        let presented = AuthenticationMiddleware.bearerToken(request)
        if let presented, state.metricsAccess.isScrapeToken(presented) { return }
        var context = context
        if let presented, let user = await state.users.user(token: presented) {
            context.identity = Identity(user: user, channel: .api)
        }
        _ = try await state.gate.api(context, .admin)
    }
}
