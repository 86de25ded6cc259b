import Foundation

/// What a configured source reads, kept with the archive (`arkisto sources add`).
public enum SourceSettings: Sendable, Equatable, Codable {
    /// A Maildir (its `new/` and `cur/`), written by an MTA, an LDA or a fetcher.
    case maildir(MaildirSettings)
    /// An IMAP mailbox, mirrored read-only by `mbsync` into a staging Maildir the archive owns.
    case imap(IMAPSettings)
    /// A folder of helpdesk export files (JSON Lines).
    case helpdesk(HelpdeskFolderSettings)
    /// Asterisk's `Master.csv`, read from where the last run stopped, with its recordings and
    /// transcripts.
    case calls(CallSettings)

    public var kind: SourceKind {
        switch self {
        case .maildir: .maildir
        case .imap: .imap
        case .helpdesk: .helpdesk
        case .calls: .calls
        }
    }
}

public enum SourceKind: String, Sendable, Codable, CaseIterable {
    case maildir, imap, helpdesk, calls
}

public struct MaildirSettings: Sendable, Equatable, Codable {
    /// The Maildir folder (holding `new/`, `cur/` and `tmp/`), absolute.
    public var path: String

    public init(path: String) {
        self.path = path
    }
}

public struct HelpdeskFolderSettings: Sendable, Equatable, Codable {
    /// The folder the helpdesk writes its exports into, absolute.
    public var folder: String

    public init(folder: String) {
        self.folder = folder
    }
}

public struct CallSettings: Sendable, Equatable, Codable {
    /// Asterisk's CDR file (`Master.csv`), absolute.
    public var masterCSV: String
    /// Where recordings are; default: `recordings/` beside the CDR file.
    public var recordings: String?
    /// Where transcripts are; default: `transcripts/` beside the CDR file, then the recordings.
    public var transcripts: String?

    public init(masterCSV: String, recordings: String? = nil, transcripts: String? = nil) {
        self.masterCSV = masterCSV
        self.recordings = recordings
        self.transcripts = transcripts
    }
}

public struct IMAPSettings: Sendable, Equatable, Codable {
    /// The server and mailbox, from `imaps://HOST[:PORT]/MAILBOX`.
    public var server: IMAPServer
    public var user: String
    /// Where the password is read at each sync: never stored in the archive.
    public var password: PasswordSource
    /// A CA certificate file (PEM) for servers whose certificate a private CA signed; the
    /// system's trust store otherwise. Certificates are always verified.
    public var caFile: String?
    /// Seconds between two mirrors of the mailbox.
    public var pollSeconds: Int

    public static let defaultPollSeconds = 60

    public init(server: IMAPServer, user: String, password: PasswordSource, caFile: String? = nil, pollSeconds: Int = Self.defaultPollSeconds) {
        self.server = server
        self.user = user
        self.password = password
        self.caFile = caFile
        self.pollSeconds = pollSeconds
    }
}

public struct IMAPServer: Sendable, Equatable, Codable {
    public var host: String
    public var port: Int
    public var mailbox: String

    public init(host: String, port: Int = 993, mailbox: String = "INBOX") {
        self.host = host
        self.port = port
        self.mailbox = mailbox
    }
}

/// Where a secret comes from when it is needed.
public enum PasswordSource: Sendable, Equatable, Codable {
    /// A file readable by its owner only (mode 0600 or stricter); its first line is the password.
    case file(String)
    /// An environment variable of the process that syncs.
    case environment(String)
}
