import Archive
import Foundation
import HTTPTypes
import Hummingbird
import Query

/// The privacy officer's API: inspection cases, link reviews, the audit log, erasure.
struct APIPrivacyRoutes {
    let state: ServerState

    func register(on api: RouterGroup<ArkistoRequestContext>) {
        api.get("/inspections") { _, context in
            let identity = try await state.gate.api(context, .privacyOfficer)
            let service = state.service
            let cases = try await state.api(context) { () throws(OperationError) in try service.inspectionCases(by: identity) }
            return Responses.json(CasesJSON(cases: cases.map { InspectionCaseJSON($0) }))
        }
        api.post("/inspections") { request, context in try await self.open(request, context) }
        api.get("/inspections/:id") { _, context in
            let identity = try await state.gate.api(context, .privacyOfficer)
            let id = try apiID(context)
            let service = state.service
            let record = try await state.api(context) { () throws(OperationError) in try service.inspectionCase(id, by: identity) }
            return Responses.json(InspectionCaseJSON(record))
        }
        api.post("/inspections/:id/verify") { _, context in try await self.step(context) { .verify } }
        api.post("/inspections/:id/extend") { request, context in
            var request = request
            _ = try await state.gate.api(context, .privacyOfficer)
            let body = try await request.jsonBody(ExtendBody.self, limit: context.maxUploadSize)
            return try await self.step(context) { .extend(months: body.months, reason: body.reason) }
        }
        api.post("/inspections/:id/close") { request, context in
            var request = request
            _ = try await state.gate.api(context, .privacyOfficer)
            let body = try await request.jsonBody(CloseBody.self, limit: context.maxUploadSize)
            switch body.outcome {
            case "delivered": return try await self.step(context) { .deliver }
            case "rejected": return try await self.step(context) { .reject(reason: body.reason ?? "") }
            default: return Responses.jsonError(.badRequest, "outcome must be delivered or rejected")
            }
        }
        api.post("/inspections/:id/report") { _, context in
            let identity = try await state.gate.api(context, .privacyOfficer)
            let id = try apiID(context)
            let service = state.service
            let file = try await state.api(context) { () throws(OperationError) in try service.report(caseID: id, by: identity) }
            return Responses.download(file.bytes, filename: file.filename)
        }
        api.get("/inspections/:id/reviews") { _, context in
            let identity = try await state.gate.api(context, .privacyOfficer)
            let id = try apiID(context)
            let service = state.service
            let items = try await state.api(context) { () throws(OperationError) in try service.reviews(caseID: id, by: identity) }
            return Responses.json(ReviewsJSON(reviews: items.map(ReviewJSON.init)))
        }
        api.post("/inspections/:id/reviews") { request, context in try await self.decide(request, context) }
        api.get("/audit") { request, context in try await self.audit(request, context) }
        api.post("/customers/:id/erasure") { request, context in try await self.erase(request, context) }
    }

    private func open(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        var request = request
        let identity = try await state.gate.api(context, .privacyOfficer)
        let body = try await request.jsonBody(OpenCaseBody.self, limit: context.maxUploadSize)
        guard let customer = body.customer, !customer.isEmpty else { return Responses.jsonError(.badRequest, "customer is required") }
        var received: CivilDate?
        if let text = body.receivedOn {
            guard let date = CivilDate(text) else { return Responses.jsonError(.badRequest, "received_on must be YYYY-MM-DD") }
            received = date
        }
        var channel = RequestChannel.letter
        if let text = body.channel {
            guard let value = RequestChannel(rawValue: text) else {
                return Responses.jsonError(.badRequest, "channel must be letter, email, web or phone")
            }
            channel = value
        }
        let service = state.service
        let (day, via) = (received, channel)
        let record = try await state.api(context) { () throws(OperationError) in
            try service.openInspection(
                customer: customer, received: day, channel: via, note: body.note, requestRef: body.requestRef, by: identity)
        }
        return Responses.json(InspectionCaseJSON(record), status: .created)
    }

    private func step(_ context: ArkistoRequestContext, _ make: @escaping @Sendable () -> ArchiveService.CaseStep) async throws -> Response {
        let identity = try await state.gate.api(context, .privacyOfficer)
        let id = try apiID(context)
        let step = make()
        let service = state.service
        let record = try await state.api(context) { () throws(OperationError) in try service.advance(id, step, by: identity) }
        return Responses.json(InspectionCaseJSON(record))
    }

    private func decide(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        var request = request
        let identity = try await state.gate.api(context, .privacyOfficer)
        let id = try apiID(context)
        let body = try await request.jsonBody(ReviewDecisionBody.self, limit: context.maxUploadSize)
        guard let decision = ReviewDecision(rawValue: body.decision), decision != .pending else {
            return Responses.jsonError(.badRequest, "decision must be include or exclude")
        }
        let service = state.service
        let items = try await state.api(context) { () throws(OperationError) in
            try service.decideReview(caseID: id, sourceRef: body.sourceRef, decision: decision, by: identity)
            return try service.reviews(caseID: id, by: identity)
        }
        return Responses.json(ReviewsJSON(reviews: items.map(ReviewJSON.init)))
    }

    private func audit(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        let identity = try await state.gate.api(context, .privacyOfficer)
        let fields = request.queryFields
        let customer = fields.nonEmpty("customer")
        let since = try APIRoutes.day(fields.nonEmpty("since"))
        let service = state.service
        let entries = try await state.api(context) { () throws(OperationError) in
            try service.auditEntries(customer: customer, since: since, by: identity)
        }
        return Responses.json(AuditJSON(total: entries.count, entries: entries.map { AuditEntryJSON($0) }))
    }

    private func erase(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        var request = request
        let identity = try await state.gate.api(context, .privacyOfficer)
        let registerID = context.pathParameter("id") ?? ""
        let body = try await request.jsonBody(ErasureBody.self, limit: context.maxUploadSize)
        guard body.confirm == registerID else {
            let service = state.service
            try await state.api(context) { () throws(OperationError) in
                try service.refuseErasure(registerID: registerID, why: "the confirmation did not repeat the register id", by: identity)
            }
            return Responses.jsonError(.badRequest, "confirm must repeat the customer's register id '\(registerID)': nothing was erased")
        }
        let dryRun = body.dryRun ?? false
        let service = state.service
        let outcome = try await state.api(context) { () throws(OperationError) in
            try service.erase(registerID: registerID, reason: body.reason, dryRun: dryRun, by: identity)
        }
        return Responses.json(ErasureJSON(outcome))
    }
}
