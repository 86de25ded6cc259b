import HTTPTypes
import Hummingbird

/// Admin imports of files in the configured import folders, as background jobs: the form and
/// job list, a status page per job (web), and the same under `/api/v1/imports` (API).
struct ImportRoutes {
    let state: ServerState

    func register(on router: Router<ArkistoRequestContext>) {
        router.get("/imports") { _, context in
            let identity = try await state.gate.web(context, .admin)
            return await page(identity)
        }
        router.post("/imports") { request, context in try await self.submitForm(request, context) }
        router.get("/imports/:id") { _, context in
            let identity = try await state.gate.web(context, .admin)
            let job = try await job(context, notFound: state.pages.errorPage(
                status: .notFound, message: "Tuontia ei löytynyt.", chrome: PageChrome(identity)))
            return state.pages.page(ImportJobTemplate.name, ImportJobView(chrome: PageChrome(identity), job: job))
        }
        let api = router.group("/api/v1/imports")
        api.post { request, context in try await self.submitJSON(request, context) }
        api.get { _, context in
            _ = try await state.gate.api(context, .admin)
            return Responses.json(ImportJobsJSON(jobs: await state.imports.all()))
        }
        api.get(":id") { _, context in
            _ = try await state.gate.api(context, .admin)
            return Responses.json(try await job(context, notFound: Responses.jsonError(.notFound, "no such import job")))
        }
    }

    private func job(_ context: ArkistoRequestContext, notFound: Response) async throws(ReadyResponse) -> ImportJob {
        guard let id = context.parameters.get("id", as: Int.self), let job = await state.imports.job(id) else {
            throw ReadyResponse(response: notFound)
        }
        return job
    }

    private func page(_ identity: Identity, error: String? = nil, status: HTTPResponse.Status = .ok) async -> Response {
        state.pages.page(
            ImportTemplate.name, ImportView(chrome: PageChrome(identity), error: error, jobs: await state.imports.all()),
            status: status)
    }

    private func submitForm(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formFields(limit: context.maxUploadSize)
        let identity = try await state.gate.webForm(context, .admin, form)
        guard let source = form.nonEmpty("source").flatMap(ImportRequest.Source.init(rawValue:)), let path = form.nonEmpty("path") else {
            return await page(identity, error: "Valitse lähde ja anna polku.", status: .badRequest)
        }
        do throws(OperationError) {
            let job = try await state.imports.submit(ImportRequest(source: source, paths: [path]), by: identity)
            return Responses.redirect("/imports/\(job.id)")
        } catch {
            return await page(identity, error: error.publicMessage, status: error.status)
        }
    }

    private func submitJSON(_ request: Request, _ context: ArkistoRequestContext) async throws -> Response {
        var request = request
        let identity = try await state.gate.api(context, .admin)
        let body = try await request.jsonBody(ImportBody.self, limit: context.maxUploadSize)
        guard let source = ImportRequest.Source(rawValue: body.source) else {
            return Responses.jsonError(.badRequest, "source must be mail, helpdesk, calls or customers")
        }
        do throws(OperationError) {
            let job = try await state.imports.submit(ImportRequest(source: source, paths: body.paths), by: identity)
            var response = Responses.json(job, status: .accepted)
            response.headers[.location] = "/api/v1/imports/\(job.id)"
            return response
        } catch {
            return Responses.jsonError(error.status, error.publicMessage)
        }
    }
}

struct ImportJobsJSON: Encodable {
    var jobs: [ImportJob]
}
