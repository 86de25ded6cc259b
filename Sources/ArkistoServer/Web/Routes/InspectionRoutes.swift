import Archive
import Hummingbird
import Query

/// The privacy officer's inspection cases: list, open, verify, extend, deliver, reject, report, review.
struct InspectionRoutes {
    let state: ServerState

    func register(on router: Router<ArkistoRequestContext>) {
        router.get("/inspections") { _, context in try await self.list(context) }
        router.post("/inspections") { request, context in try await self.open(request, context) }
        router.get("/inspections/:id") { _, context in try await self.show(context) }
        router.post("/inspections/:id/verify") { request, context in try await self.step(request, context) { _ in .verify } }
        router.post("/inspections/:id/deliver") { request, context in try await self.step(request, context) { _ in .deliver } }
        router.post("/inspections/:id/extend") { request, context in
            try await self.step(request, context) { form in
                .extend(months: Int(form["months"] ?? "") ?? 0, reason: form["reason"] ?? "")
            }
        }
        router.post("/inspections/:id/reject") { request, context in
            try await self.step(request, context) { form in .reject(reason: form["reason"] ?? "") }
        }
        router.post("/inspections/:id/report") { request, context in try await self.report(request, context) }
        router.post("/inspections/:id/reviews") { request, context in try await self.decide(request, context) }
    }

    private func list(_ context: ArkistoRequestContext) async throws -> Response {
        let identity = try await state.gate.web(context, .privacyOfficer)
        let service = state.service
        let (cases, requests) = try await state.web(identity, context) { () throws(OperationError) in
            (try service.inspectionCases(by: identity), try service.unopenedRequests(by: identity))
        }
        return state.pages.page(
            InspectionsTemplate.name, InspectionsView(chrome: PageChrome(identity), cases: cases, requests: requests))
    }

    private func open(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formFields(limit: context.maxUploadSize)
        let identity = try await state.gate.webForm(context, .privacyOfficer, form)
        let customer = form.nonEmpty("customer") ?? ""
        let received = try form.nonEmpty("received").map { text throws(ReadyResponse) in
            guard let date = CivilDate(text) else {
                throw ReadyResponse(response: state.pages.errorPage(
                    status: .badRequest, message: "Päivämäärä '\(text)' ei ole muotoa VVVV-KK-PP.", chrome: PageChrome(identity)))
            }
            return date
        }
        let channel = form.nonEmpty("channel").flatMap(RequestChannel.init(rawValue:)) ?? .letter
        let note = form.nonEmpty("note")
        let requestRef = form.nonEmpty("request_ref")
        let service = state.service
        let record = try await state.web(identity, context) { () throws(OperationError) in
            try service.openInspection(
                customer: customer, received: received, channel: channel, note: note, requestRef: requestRef, by: identity)
        }
        return Responses.redirect("/inspections/\(record.id)")
    }

    private func show(_ context: ArkistoRequestContext) async throws -> Response {
        let identity = try await state.gate.web(context, .privacyOfficer)
        let id = try context.idParameter("id")
        let service = state.service
        let (record, reviews) = try await state.web(identity, context) { () throws(OperationError) in
            (try service.inspectionCase(id, by: identity), try service.reviews(caseID: id, by: identity))
        }
        return state.pages.page(
            InspectionTemplate.name, InspectionView(chrome: PageChrome(identity), record: record, reviews: reviews))
    }

    private func step(
        _ request: Request, _ context: ArkistoRequestContext, _ make: @escaping @Sendable (FormFields) -> ArchiveService.CaseStep
    ) async throws -> Response {
        var request = request
        let form = try await request.formFields(limit: context.maxUploadSize)
        let identity = try await state.gate.webForm(context, .privacyOfficer, form)
        let id = try context.idParameter("id")
        let step = make(form)
        let service = state.service
        _ = try await state.web(identity, context) { () throws(OperationError) in try service.advance(id, step, by: identity) }
        return Responses.redirect("/inspections/\(id)")
    }

    private func report(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formFields(limit: context.maxUploadSize)
        let identity = try await state.gate.webForm(context, .privacyOfficer, form)
        let id = try context.idParameter("id")
        let service = state.service
        let file = try await state.web(identity, context) { () throws(OperationError) in try service.report(caseID: id, by: identity) }
        return Responses.download(file.bytes, filename: file.filename)
    }

    private func decide(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formFields(limit: context.maxUploadSize)
        let identity = try await state.gate.webForm(context, .privacyOfficer, form)
        let id = try context.idParameter("id")
        guard let ref = form.nonEmpty("ref"), let decision = form.nonEmpty("decision").flatMap(ReviewDecision.init(rawValue:)),
              decision != .pending
        else {
            return state.pages.errorPage(status: .badRequest, message: "Valitse sisällytä tai jätä pois.", chrome: PageChrome(identity))
        }
        let service = state.service
        try await state.web(identity, context) { () throws(OperationError) in
            try service.decideReview(caseID: id, sourceRef: ref, decision: decision, by: identity)
        }
        return Responses.redirect("/inspections/\(id)")
    }
}
