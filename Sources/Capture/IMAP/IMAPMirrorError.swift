/// Why mirroring an IMAP mailbox did not complete. Each case names the server (its imaps URL) and
/// carries mbsync's own words (trimmed, any password taken out) so a report can say what happened.
public enum IMAPMirrorError: Error, Equatable, CustomStringConvertible {
    /// No `mbsync` executable (Debian package `isync`).
    case mbsyncNotInstalled(searched: [String])
    /// The source's settings cannot work: checked before mbsync runs (e.g. a password file others
    /// can read).
    case invalidSettings(SourceSettingsError)
    /// A setting mbsync's config cannot hold (a control character such as a line break in a path).
    case unwritableSetting(what: String, value: String)
    /// The staging folder, its config or its Maildir could not be made or read.
    case staging(path: String, reason: String)
    /// The server could not be reached: down, refusing connections, or its name unknown.
    case cannotConnect(server: String, detail: String)
    /// The connection broke during the sync (the server stopped or the network failed); the next run
    /// resumes from mbsync's journal.
    case connectionLost(server: String, detail: String)
    /// The server refused the user name and password.
    case authenticationFailed(server: String, user: String, detail: String)
    /// The server's certificate did not verify (unknown CA, wrong host name, expired).
    case certificateNotTrusted(server: String, detail: String)
    /// mbsync was stopped after the time allowed, or gave up waiting for the server.
    case timedOut(server: String, after: Duration, detail: String)
    /// The mailbox's UIDVALIDITY changed (recreated or renumbered on the server): mbsync cannot
    /// tell which messages it has. Mirroring from the start needs a person's decision: remove the
    /// source and add it again (messages archived before are recognised by their digest).
    case mailboxRenumbered(server: String, detail: String)
    /// mbsync failed for another reason (its exit status and what it printed).
    case failed(server: String, status: Int32, detail: String)

    /// True when trying again later may succeed without anyone changing the settings.
    public var isTransient: Bool {
        switch self {
        case .cannotConnect, .connectionLost, .timedOut, .failed: true
        case .mbsyncNotInstalled, .invalidSettings, .unwritableSetting, .staging, .authenticationFailed, .certificateNotTrusted,
             .mailboxRenumbered: false
        }
    }

    public var description: String {
        switch self {
        case .mbsyncNotInstalled(let searched):
            "mbsync is not installed (looked in \(searched.joined(separator: ", "))); install the Debian package isync"
        case .invalidSettings(let error):
            error.description
        case .unwritableSetting(let what, let value):
            "the \(what) \(value.debugDescription) holds a control character (a line break, a tab), which mbsync's config cannot hold"
        case .staging(let path, let reason):
            "\(path): the IMAP staging folder: \(reason)"
        case .cannotConnect(let server, let detail):
            "\(server): cannot connect: \(detail)"
        case .connectionLost(let server, let detail):
            "\(server): the connection was lost during the sync (the next sync resumes): \(detail)"
        case .authenticationFailed(let server, let user, let detail):
            "\(server): the server refused user \(user) and the password: \(detail)"
        case .certificateNotTrusted(let server, let detail):
            "\(server): the server's certificate is not trusted (give its CA with --ca-file): \(detail)"
        case .timedOut(let server, let after, let detail):
            "\(server): no complete sync within \(after)\(detail.isEmpty ? "" : ": \(detail)")"
        case .mailboxRenumbered(let server, let detail):
            "\(server): the mailbox was recreated or renumbered on the server (its UIDVALIDITY changed), so the "
                + "mirror cannot tell which messages it has; to mirror it again from the start, remove the source and add "
                + "it again (messages archived before are recognised and not archived twice): \(detail)"
        case .failed(let server, let status, let detail):
            "\(server): mbsync failed (exit status \(status)): \(detail)"
        }
    }
}
