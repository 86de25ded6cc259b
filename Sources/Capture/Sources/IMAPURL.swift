import Foundation

extension IMAPServer {
    /// Reads `imaps://HOST[:PORT]/MAILBOX` (the mailbox defaults to `INBOX`, the port to 993).
    /// Only `imaps`: a password never travels without TLS.
    public init(url text: String) throws(SourceSettingsError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw .invalidIMAPURL(text, reason: "not a URL; expected imaps://HOST[:PORT]/MAILBOX")
        }
        guard scheme == "imaps" else {
            throw .invalidIMAPURL(text, reason: "the scheme is \(scheme); only imaps (IMAP over TLS) is accepted")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .invalidIMAPURL(text, reason: "no host")
        }
        guard components.user == nil, components.password == nil else {
            throw .invalidIMAPURL(text, reason: "the user goes in --user and the password in --password-file, not in the URL")
        }
        let port = components.port ?? 993
        guard (1...65_535).contains(port) else {
            throw .invalidIMAPURL(text, reason: "port \(port) is out of range")
        }
        var mailbox = components.path
        while mailbox.hasPrefix("/") { mailbox.removeFirst() }
        self.init(host: host, port: port, mailbox: mailbox.isEmpty ? "INBOX" : mailbox)
    }

    /// The URL this server was read from.
    public var url: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "imaps://\(shownHost)\(port == 993 ? "" : ":\(port)")/\(mailbox)"
    }
}

/// A source's settings that cannot work, named with the reason.
public enum SourceSettingsError: Error, Equatable, CustomStringConvertible {
    case invalidIMAPURL(String, reason: String)
    case invalidName(String, reason: String)
    case notFound(path: String, what: String)
    case passwordFileTooOpen(path: String, mode: Int)
    case passwordUnreadable(String, reason: String)

    public var description: String {
        switch self {
        case .invalidIMAPURL(let url, let reason): "IMAP URL \(url): \(reason)"
        case .invalidName(let name, let reason): "source name \(name): \(reason)"
        case .notFound(let path, let what): "\(path): no such \(what)"
        case .passwordFileTooOpen(let path, let mode):
            "\(path): the password file is readable by others (mode \(String(mode, radix: 8))); chmod 600 it"
        case .passwordUnreadable(let source, let reason): "password from \(source): \(reason)"
        }
    }
}
