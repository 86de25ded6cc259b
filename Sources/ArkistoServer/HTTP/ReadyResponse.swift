import HTTPTypes
import Hummingbird

/// An error whose response is already made (a sign-in redirect, a 401 or 403, an error page):
/// thrown out of a handler and answered as it is.
struct ReadyResponse: HTTPResponseError {
    var response: Response

    var status: HTTPResponse.Status { response.status }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        response
    }
}
