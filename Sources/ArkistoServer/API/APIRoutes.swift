import Archive
import Foundation
import HTTPTypes
import Hummingbird
import Query

/// The JSON API under `/api/v1/`, by bearer token; the same operations as the web app, logged
/// the same way (actor `api:NAME`). Documented in ``OpenAPIDocument`` at `/openapi.yaml`.
struct APIRoutes {
    let state: ServerState

    func register(on router: Router<ArkistoRequestContext>) {
        let api = router.group("/api/v1")
        api.get("/search") { request, context in try await self.search(request, context) }
        api.get("/customers/:id") { _, context in try await self.customer(context) }
        api.get("/interactions/:id") { _, context in try await self.interaction(context) }
        api.get("/interactions/:id/attachments/:index") { _, context in try await self.attachment(context) }
        api.get("/interactions/:id/recording") { _, context in try await self.callFile(context, transcript: false) }
        api.get("/interactions/:id/transcript") { _, context in try await self.callFile(context, transcript: true) }
        api.get("/complaints") { request, context in try await self.complaints(request, context) }
        APIPrivacyRoutes(state: state).register(on: api)
    }

    private func search(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        let identity = try await state.gate.api(context, .agent)
        let fields = request.queryFields
        var search = SearchRequest()
        search.query = fields["q"] ?? ""
        if let kind = fields.nonEmpty("kind") {
            guard let channel = SearchRequest.Channel(rawValue: kind == "ticket" ? "support" : kind) else {
                return Responses.jsonError(.badRequest, "kind must be email, support (or ticket) or call")
            }
            search.channel = channel
        }
        search.from = fields.nonEmpty("from")
        search.to = fields.nonEmpty("to")
        search.complaintsOnly = ["1", "true"].contains(fields["complaint"] ?? "")
        search.limit = max(1, min(Int(fields["limit"] ?? "") ?? 20, 200))
        search.offset = max(0, min(Int(fields["offset"] ?? "") ?? 0, 1_000_000))
        guard !search.isEmpty else { return Responses.jsonError(.badRequest, "give a query (q) or a filter") }
        let service = state.service
        let job = search
        switch await Offload.result({ () throws(SearchFailure) in try service.search(job, by: identity) }) {
        case .success(let outcome):
            return Responses.json(SearchJSON(outcome, limit: search.limit, offset: search.offset))
        case .failure(.syntax(let error)):
            return Responses.json(
                QueryErrorJSON(error: "cannot read the query: \(error.message)", position: error.position + 1, query: error.query),
                status: .badRequest)
        case .failure(.invalid(let message)):
            return Responses.jsonError(.badRequest, message)
        case .failure(.failed(let message)):
            context.logger.error("search failed: \(message)")
            return Responses.jsonError(.internalServerError, "internal error")
        }
    }

    private func customer(_ context: ArkistoRequestContext) async throws -> Response {
        let identity = try await state.gate.api(context, .agent)
        let registerID = context.pathParameter("id") ?? ""
        let service = state.service
        let record = try await state.api(context) { () throws(OperationError) in
            try service.customerRecord(registerID: registerID, by: identity)
        }
        return Responses.json(CustomerProfileJSON(profile: record.profile, timeline: record.timeline))
    }

    private func interaction(_ context: ArkistoRequestContext) async throws -> Response {
        let identity = try await state.gate.api(context, .agent)
        let id = try apiID(context)
        let service = state.service
        let record = try await state.api(context) { () throws(OperationError) in try service.interaction(id: id, by: identity) }
        return Responses.json(InteractionJSON(record))
    }

    private func attachment(_ context: ArkistoRequestContext) async throws -> Response {
        let identity = try await state.gate.api(context, .agent)
        let id = try apiID(context)
        guard let index = context.parameters.get("index", as: Int.self), index >= 0 else {
            return Responses.jsonError(.notFound, "no such attachment")
        }
        let service = state.service
        let file = try await state.api(context) { () throws(OperationError) in
            try service.attachment(interactionID: id, index: index, by: identity)
        }
        return Responses.download(file.bytes, filename: file.filename)
    }

    private func callFile(_ context: ArkistoRequestContext, transcript: Bool) async throws -> Response {
        let identity = try await state.gate.api(context, .agent)
        let id = try apiID(context)
        let service = state.service
        let file = try await state.api(context) { () throws(OperationError) in
            try service.callFile(interactionID: id, transcript: transcript, by: identity)
        }
        return Responses.download(file.bytes, filename: file.filename)
    }

    private func complaints(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        let identity = try await state.gate.api(context, .agent)
        let since = try APIRoutes.day(request.queryFields.nonEmpty("since"))
        let service = state.service
        let list = try await state.api(context) { () throws(OperationError) in try service.complaints(since: since, by: identity) }
        return Responses.json(ComplaintsJSON(total: list.count, complaints: list.map(InteractionSummaryJSON.init)))
    }

    /// A `YYYY-MM-DD` parameter as the start of that day (UTC), or 400.
    static func day(_ text: String?) throws(ReadyResponse) -> Date? {
        guard let text else { return nil }
        guard SearchRequest.isDay(text), let date = Timestamp.parse(text + "T00:00:00Z") else {
            throw ReadyResponse(response: Responses.jsonError(.badRequest, "'\(text)' is not a date YYYY-MM-DD"))
        }
        return date
    }
}

/// A numeric id in an API path, or a JSON 404.
func apiID(_ context: ArkistoRequestContext, _ name: String = "id") throws(ReadyResponse) -> Int64 {
    guard let raw = context.parameters.get(name), let id = Int64(raw), id > 0 else {
        throw ReadyResponse(response: Responses.jsonError(.notFound, "not found"))
    }
    return id
}

extension Request {
    /// A JSON body, or a 400 saying what is wrong with it.
    mutating func jsonBody<T: Decodable>(_ type: T.Type, limit: Int) async throws -> T {
        let buffer = try await collectBody(upTo: limit)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw ReadyResponse(response: Responses.jsonError(.badRequest, "the request body is not the JSON expected: \(Self.reason(error))"))
        }
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "malformed JSON"
        }
    }
}
