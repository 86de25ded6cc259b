import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A browser's cookies and CSRF token for one signed-in user.
struct WebSession: Sendable {
    var cookie: String
    var csrf: String
}

enum TestFailure: Error { case missing(String) }

extension TestResponse {
    var text: String { String(buffer: body) }

    /// `name=value` of a cookie this response sets.
    func setCookie(_ name: String) -> String? {
        for value in headers[values: .setCookie] where value.hasPrefix(name + "=") {
            return String(value.prefix { $0 != ";" })
        }
        return nil
    }
}

/// The value of the first `name="csrf"` hidden field on a page.
func csrfField(_ html: String) -> String? {
    guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
    return String(html[range.upperBound...].prefix { $0 != "\"" })
}

func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
    allowed.insert(charactersIn: "-._~")
    let text = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    return ByteBuffer(string: text)
}

func percentEncoded(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
}

extension TestClientProtocol {
    /// Signs in through the login form, as a browser does.
    func signIn(_ user: String, password: String) async throws -> WebSession {
        let page = try await execute(uri: "/login", method: .get)
        guard let loginCookie = page.setCookie("arkisto_login"), let csrf = csrfField(page.text) else {
            throw TestFailure.missing("login form")
        }
        var headers = HTTPFields()
        headers[.cookie] = loginCookie
        headers[.contentType] = "application/x-www-form-urlencoded"
        let response = try await execute(
            uri: "/login", method: .post, headers: headers,
            body: formBody([("csrf", csrf), ("username", user), ("password", password)]))
        guard response.status == .seeOther, let session = response.setCookie("arkisto_session") else {
            throw TestFailure.missing("session for \(user): \(response.status)")
        }
        let home = try await get("/", WebSession(cookie: session, csrf: ""))
        guard let token = csrfField(home.text) else { throw TestFailure.missing("csrf on the home page") }
        return WebSession(cookie: session, csrf: token)
    }

    func get(_ uri: String, _ session: WebSession?) async throws -> TestResponse {
        var headers = HTTPFields()
        if let session { headers[.cookie] = session.cookie }
        return try await execute(uri: uri, method: .get, headers: headers)
    }

    func post(_ uri: String, _ session: WebSession?, _ fields: [(String, String)], csrf: Bool = true) async throws -> TestResponse {
        var headers = HTTPFields()
        if let session { headers[.cookie] = session.cookie }
        headers[.contentType] = "application/x-www-form-urlencoded"
        let all = (csrf ? [("csrf", session?.csrf ?? "")] : []) + fields
        return try await execute(uri: uri, method: .post, headers: headers, body: formBody(all))
    }

    /// Polls an import job (`GET /api/v1/imports/{id}`) until it has succeeded or failed.
    func finishedImport(_ location: String, token: String?) async throws -> [String: Any] {
        for _ in 0..<500 {
            let job = try jsonObject(try await api(location, token: token))
            if ["succeeded", "failed"].contains(job["state"] as? String ?? "") { return job }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        throw TestFailure.missing("a finished import at \(location)")
    }

    func api(_ uri: String, token: String?, method: HTTPRequest.Method = .get, json: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

/// Decodes a JSON object response.
func jsonObject(_ response: TestResponse) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
    guard let object = value as? [String: Any] else { throw TestFailure.missing("a JSON object") }
    return object
}

/// What every response must carry.
func expectSecurityHeaders(_ response: TestResponse, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true, sourceLocation: sourceLocation)
    #expect(response.headers[.xContentTypeOptions] == "nosniff", sourceLocation: sourceLocation)
    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", sourceLocation: sourceLocation)
}
