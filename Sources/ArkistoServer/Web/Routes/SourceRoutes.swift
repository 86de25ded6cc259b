import Hummingbird

/// The capture sources' status (admins): `/sources` for the web app, `/api/v1/sources` for the
/// API. Sources are configured with `arkisto sources add`; nothing here changes them.
struct SourceRoutes {
    let state: ServerState

    func register(on router: Router<ArkistoRequestContext>) {
        router.get("/sources") { _, context in
            let identity = try await state.gate.web(context, .admin)
            let service = state.service
            let statuses = try await state.web(identity, context) { () throws(OperationError) in try service.sourceStatuses() }
            return state.pages.page(SourcesTemplate.name, SourcesView(chrome: PageChrome(identity), statuses: statuses))
        }
        router.get("/api/v1/sources") { _, context in
            _ = try await state.gate.api(context, .admin)
            let service = state.service
            let statuses = try await state.api(context) { () throws(OperationError) in try service.sourceStatuses() }
            return Responses.json(SourceStatusesJSON(sources: statuses.map(SourceStatusJSON.init)))
        }
    }
}
