/// Where the server listens and what it serves.
public struct ServerConfiguration: Sendable {
    /// 127.0.0.1 unless told otherwise.
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    public var archivePath: String
    public var usersPath: String
    /// The personal identity code key (default: ARCHIVE.pidkey).
    public var personalIDKeyPath: String?
    /// The key that chains the audit log (default: ARCHIVE.auditkey).
    public var auditKeyPath: String?
    /// The sessions file (default: ARCHIVE.sessions, mode 0600).
    public var sessionsPath: String?
    /// Folders whose files admins may import through the server; none turns server-side imports off.
    public var importFolders: [String]
    /// Whether a missing archive is created (empty) rather than refused.
    public var createArchive: Bool
    /// Behind a reverse proxy: the client's address is the last entry of `X-Forwarded-For`.
    public var trustForwardedFor: Bool
    /// Whether ``WebService/run()`` also runs the archive's capture sources in the background
    /// (what `arkisto watch` does), once the web app listens.
    public var capture: Bool
    /// Whether ``WebService/run()`` also runs the OCR pass in the background (what `arkisto
    /// extract` does), recognising what imports and capture queue.
    public var recognition: Bool
    /// A file (mode 0600) whose first line is the token Prometheus sends to scrape `/metrics`;
    /// without one, only admins' API tokens may scrape.
    public var metricsTokenPath: String?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, archivePath: String, usersPath: String, personalIDKeyPath: String? = nil,
        auditKeyPath: String? = nil, sessionsPath: String? = nil, importFolders: [String] = [], createArchive: Bool = false, trustForwardedFor: Bool = false,
        capture: Bool = false, metricsTokenPath: String? = nil, recognition: Bool = false
    ) {
        self.host = host
        self.port = port
        self.archivePath = archivePath
        self.usersPath = usersPath
        self.personalIDKeyPath = personalIDKeyPath
        self.auditKeyPath = auditKeyPath
        self.sessionsPath = sessionsPath
        self.importFolders = importFolders
        self.createArchive = createArchive
        self.trustForwardedFor = trustForwardedFor
        self.capture = capture
        self.recognition = recognition
        self.metricsTokenPath = metricsTokenPath
    }
}
