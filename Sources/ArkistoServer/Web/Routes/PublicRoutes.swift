import HTTPTypes
import Hummingbird

/// What needs no sign-in: the health check, the stylesheet, the API description.
struct PublicRoutes {
    func register(on router: Router<ArkistoRequestContext>) {
        router.get("/healthz") { _, _ in Responses.text("ok") }
        router.get("/static/app.css") { _, _ in
            var response = Responses.text(Stylesheet.text, contentType: "text/css; charset=utf-8")
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
        router.get("/openapi.yaml") { _, _ in
            Responses.text(OpenAPIDocument.yaml, contentType: "application/yaml; charset=utf-8")
        }
    }
}
