import Archive
import Hummingbird

/// Customer pages, messages, and their files.
struct CustomerRoutes {
    let state: ServerState

    func register(on router: Router<ArkistoRequestContext>) {
        router.get("/customers/:id") { _, context in try await self.customer(context) }
        router.get("/interactions/:id") { _, context in try await self.interaction(context) }
        router.get("/interactions/:id/attachments/:index") { _, context in try await self.attachment(context) }
        router.get("/interactions/:id/recording") { _, context in try await self.callFile(context, transcript: false) }
        router.get("/interactions/:id/transcript") { _, context in try await self.callFile(context, transcript: true) }
        router.get("/complaints") { request, context in try await self.complaints(request, context) }
    }

    private func customer(_ context: ArkistoRequestContext) async throws -> Response {
        let identity = try await state.gate.web(context, .agent)
        let registerID = context.pathParameter("id") ?? ""
        let service = state.service
        let record = try await state.web(identity, context) { () throws(OperationError) in
            try service.customerRecord(registerID: registerID, by: identity)
        }
        return state.pages.page(CustomerTemplate.name, CustomerView(chrome: PageChrome(identity), record: record))
    }

    private func interaction(_ context: ArkistoRequestContext) async throws -> Response {
        let identity = try await state.gate.web(context, .agent)
        let id = try context.idParameter("id")
        let service = state.service
        let record = try await state.web(identity, context) { () throws(OperationError) in try service.interaction(id: id, by: identity) }
        return state.pages.page(InteractionTemplate.name, InteractionView(chrome: PageChrome(identity), record: record))
    }

    private func attachment(_ context: ArkistoRequestContext) async throws -> Response {
        let identity = try await state.gate.web(context, .agent)
        let id = try context.idParameter("id")
        guard let index = context.parameters.get("index", as: Int.self), index >= 0 else {
            return state.pages.errorPage(status: .notFound, message: "Liitettä ei löytynyt.", chrome: PageChrome(identity))
        }
        let service = state.service
        let file = try await state.web(identity, context) { () throws(OperationError) in
            try service.attachment(interactionID: id, index: index, by: identity)
        }
        return Responses.download(file.bytes, filename: file.filename)
    }

    private func callFile(_ context: ArkistoRequestContext, transcript: Bool) async throws -> Response {
        let identity = try await state.gate.web(context, .agent)
        let id = try context.idParameter("id")
        let service = state.service
        let file = try await state.web(identity, context) { () throws(OperationError) in
            try service.callFile(interactionID: id, transcript: transcript, by: identity)
        }
        return Responses.download(file.bytes, filename: file.filename)
    }

    private func complaints(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        let identity = try await state.gate.web(context, .agent)
        let since = request.queryFields.nonEmpty("since")
        let sinceDate = try since.map { day throws(ReadyResponse) in
            guard SearchRequest.isDay(day), let date = Timestamp.parse(day + "T00:00:00Z") else {
                throw ReadyResponse(response: state.pages.errorPage(
                    status: .badRequest, message: "Päivämäärä '\(day)' ei ole muotoa VVVV-KK-PP.", chrome: PageChrome(identity)))
            }
            return date
        }
        let service = state.service
        let list = try await state.web(identity, context) { () throws(OperationError) in
            try service.complaints(since: sinceDate, by: identity)
        }
        return state.pages.page(ComplaintsTemplate.name, ComplaintsView(chrome: PageChrome(identity), since: since ?? "", list: list))
    }
}
