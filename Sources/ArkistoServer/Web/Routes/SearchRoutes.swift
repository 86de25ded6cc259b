import Hummingbird

/// `/` and `/search`: the search form and its results.
struct SearchRoutes {
    let state: ServerState

    func register(on router: Router<ArkistoRequestContext>) {
        router.get("/") { request, context in try await self.search(request, context) }
        router.get("/search") { request, context in try await self.search(request, context) }
    }

    private func search(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        let identity = try await state.gate.web(context, .agent)
        let fields = request.queryFields
        let page = max(1, min(Int(fields["page"] ?? "") ?? 1, 10_000))
        var search = SearchRequest()
        search.query = fields["q"] ?? ""
        search.channel = fields.nonEmpty("kind").flatMap(SearchRequest.Channel.init(rawValue:))
        search.from = fields.nonEmpty("from")
        search.to = fields.nonEmpty("to")
        search.complaintsOnly = fields["complaint"] == "1"
        search.limit = SearchView.pageSize
        search.offset = (page - 1) * SearchView.pageSize
        var view = SearchView(chrome: PageChrome(identity), request: search)
        guard !search.isEmpty else { return state.pages.page(SearchTemplate.name, view) }
        let service = state.service
        let request = search
        let result = await Offload.result { () throws(SearchFailure) in try service.search(request, by: identity) }
        switch result {
        case .success(let outcome):
            view.show(outcome, request: search, page: page)
            return state.pages.page(SearchTemplate.name, view)
        case .failure(.syntax(let error)):
            view.error = "Hakulauseketta ei voi lukea: \(error.message) (kohta \(error.position + 1))"
            view.pointer = error.pointer
            return state.pages.page(SearchTemplate.name, view, status: .badRequest)
        case .failure(.invalid(let message)):
            view.error = message
            return state.pages.page(SearchTemplate.name, view, status: .badRequest)
        case .failure(.failed(let message)):
            context.logger.error("search failed: \(message)")
            return state.pages.errorPage(status: .internalServerError, message: "Haku epäonnistui.", chrome: PageChrome(identity))
        }
    }
}
