import Capture

/// Who may scrape `/metrics`. The metrics hold no personal data but are operational detail (source
/// names and folders' health, traffic), so they are not public: a scrape must send
/// `Authorization: Bearer TOKEN` with either the scrape token read from `--metrics-token-file`
/// (what Prometheus' `authorization.credentials_file` sends) or an admin's API token. No or an
/// unknown token is 401; another role's API token is 403 and audited like any refusal.
struct MetricsAccess: Sendable {
    /// The scrape token; nil when only admins' API tokens are accepted.
    let token: String?

    static let minimumTokenLength = 16

    init(token: String?) {
        self.token = token
    }

    /// Reads the scrape token: the first line of a file readable by its owner only, at least
    /// ``minimumTokenLength`` characters.
    init(tokenFile path: String?) throws(MetricsTokenError) {
        guard let path else {
            self.init(token: nil)
            return
        }
        let token: String
        do {
            token = try PasswordCheck().password(from: .file(path))
        } catch {
            throw MetricsTokenError(path: path, reason: "\(error)")
        }
        guard token.count >= Self.minimumTokenLength else {
            throw MetricsTokenError(path: path, reason: "the token has \(token.count) characters; use at least \(Self.minimumTokenLength) (openssl rand -hex 32)")
        }
        self.init(token: token)
    }

    /// Whether `presented` is the scrape token.
    func isScrapeToken(_ presented: String) -> Bool {
        guard let token else { return false }
        return ConstantTime.equal(presented, token)
    }
}

struct MetricsTokenError: Error, CustomStringConvertible {
    var path: String
    var reason: String

    var description: String { "--metrics-token-file \(path): \(reason)" }
}
