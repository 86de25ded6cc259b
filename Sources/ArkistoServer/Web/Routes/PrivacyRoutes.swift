import Archive
import Hummingbird

/// The audit log and erasure with confirmation.
struct PrivacyRoutes {
    let state: ServerState

    func register(on router: Router<ArkistoRequestContext>) {
        router.get("/audit") { request, context in try await self.audit(request, context) }
        router.get("/customers/:id/erasure") { _, context in try await self.erasurePage(context) }
        router.post("/customers/:id/erasure") { request, context in try await self.erase(request, context) }
    }

    private func audit(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        let identity = try await state.gate.web(context, .privacyOfficer)
        let fields = request.queryFields
        let customer = fields.nonEmpty("customer")
        let since = fields.nonEmpty("since")
        let sinceDate = since.flatMap { SearchRequest.isDay($0) ? Timestamp.parse($0 + "T00:00:00Z") : nil }
        if let since, sinceDate == nil {
            return state.pages.errorPage(
                status: .badRequest, message: "Päivämäärä '\(since)' ei ole muotoa VVVV-KK-PP.", chrome: PageChrome(identity))
        }
        let service = state.service
        let entries = try await state.web(identity, context) { () throws(OperationError) in
            try service.auditEntries(customer: customer, since: sinceDate, by: identity)
        }
        return state.pages.page(
            AuditTemplate.name, AuditView(chrome: PageChrome(identity), customer: customer ?? "", since: since ?? "", entries: entries))
    }

    private func erasurePage(_ context: ArkistoRequestContext) async throws -> Response {
        let identity = try await state.gate.web(context, .privacyOfficer)
        let registerID = context.pathParameter("id") ?? ""
        let service = state.service
        let plan = try await state.web(identity, context) { () throws(OperationError) in
            try service.erase(registerID: registerID, reason: "", dryRun: true, by: identity)
        }
        return state.pages.page(ErasureTemplate.name, ErasureView(chrome: PageChrome(identity), outcome: plan))
    }

    private func erase(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formFields(limit: context.maxUploadSize)
        let identity = try await state.gate.webForm(context, .privacyOfficer, form)
        let registerID = context.pathParameter("id") ?? ""
        let reason = form.nonEmpty("reason") ?? ""
        let confirmed = form.nonEmpty("confirm") == registerID
        let service = state.service
        guard confirmed, !reason.isEmpty else {
            let why = confirmed ? "no reason given" : "the confirmation did not repeat the register id"
            let plan = try await state.web(identity, context) { () throws(OperationError) in
                try service.refuseErasure(registerID: registerID, why: why, by: identity)
                return try service.erase(registerID: registerID, reason: "", dryRun: true, by: identity)
            }
            let message = confirmed ? "Kirjoita poiston syy." : "Vahvistus ei vastaa asiakastunnusta: mitään ei poistettu."
            return state.pages.page(
                ErasureTemplate.name, ErasureView(chrome: PageChrome(identity), outcome: plan, error: message), status: .badRequest)
        }
        let outcome = try await state.web(identity, context) { () throws(OperationError) in
            try service.erase(registerID: registerID, reason: reason, dryRun: false, by: identity)
        }
        return state.pages.page(ErasureTemplate.name, ErasureView(chrome: PageChrome(identity), outcome: outcome))
    }
}
