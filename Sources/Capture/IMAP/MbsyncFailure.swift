import Foundation

/// Reads why mbsync failed from its exit and what it printed, and names it as an `IMAPMirrorError`.
/// mbsync's messages are English text, not codes; the phrases matched here are isync 1.4's.
struct MbsyncFailure {
    var server: String
    var user: String
    /// Text that must never appear in an error: the password.
    var secrets: [String]
    /// mbsync's own wait for a silent server (its `Timeout`).
    var serverTimeout: Duration

    func error(status: Int32, signalled: Bool, standardError: String, timedOutAfter limit: Duration?) -> IMAPMirrorError {
        let detail = Self.trimmed(redacted(standardError))
        if let limit {
            return .timedOut(server: server, after: limit, detail: detail)
        }
        if signalled {
            let killed = "mbsync was killed by signal \(status) (the next sync resumes)"
            return .failed(server: server, status: status, detail: detail.isEmpty ? killed : "\(killed): \(detail)")
        }
        let text = detail.lowercased()
        if text.contains("uidvalidity change") || text.contains("uidvalidity genuinely changed")
            || (text.contains("uidvalidity of") && text.contains("changed"))
        {
            return .mailboxRenumbered(server: server, detail: detail)
        }
        if text.contains("certificate") {
            return .certificateNotTrusted(server: server, detail: detail)
        }
        if text.contains("authenticationfailed") || text.contains("authentication failed")
            || (text.contains("returned an error") && (text.contains("'login") || text.contains("'authenticate")))
        {
            return .authenticationFailed(server: server, user: user, detail: detail)
        }
        if text.contains("cannot connect") || text.contains("no working address") || text.contains("cannot resolve")
            || text.contains("connection refused")
        {
            return .cannotConnect(server: server, detail: detail)
        }
        if text.contains("timed out") || text.contains("timeout") {
            return .timedOut(server: server, after: serverTimeout, detail: detail)
        }
        if text.contains("unexpected eof") || text.contains("socket error") || text.contains("connection reset")
            || text.contains("connection closed") || text.contains("broken pipe")
        {
            return .connectionLost(server: server, detail: detail)
        }
        return .failed(server: server, status: status, detail: detail.isEmpty ? "it printed nothing" : detail)
    }

    private func redacted(_ text: String) -> String {
        secrets.filter { !$0.isEmpty }.reduce(text) { $0.replacingOccurrences(of: $1, with: "[password]") }
    }

    /// mbsync's last lines without its notices (e.g. a new Maildir's UIDVALIDITY), at most 1,000
    /// characters.
    static func trimmed(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("Maildir notice:") }
        let joined = lines.suffix(10).joined(separator: " / ")
        return joined.count > 1_000 ? "…" + joined.suffix(999) : joined
    }
}
